import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderConfigurationDoc } from './docs.js';

describe('docs/configuration.md', () => {
  it('is up to date with the settings table (run `npm run docs:config`)', () => {
    const onDisk = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(renderConfigurationDoc());
  });
});
