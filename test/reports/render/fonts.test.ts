import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/platform/errors.js';
import { findCjkFont, pickFace } from '../../../src/reports/render/fonts.js';
import { formatFigure } from '../../../src/reports/render/format.js';
import { isWoff, readFaceNames, woffToSfnt } from '../../../src/reports/render/sfnt.js';

const dir = mkdtempSync(join(tmpdir(), 'fx-fonts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bundledWoff = createRequire(import.meta.url).resolve(
  '@openfonts/noto-sans-sc_all/files/noto-sans-sc-all-400.woff',
);

describe('WOFF to SFNT', () => {
  it('unwraps the bundled WOFF into an OpenType font with its names', () => {
    const woff = readFileSync(bundledWoff);
    expect(isWoff(woff)).toBe(true);
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12));
    expect(sfnt.length).toBe(woff.readUInt32BE(16));
    const path = join(dir, 'font.otf');
    writeFileSync(path, sfnt);
    expect(readFaceNames(path)).toEqual([
      { index: 0, family: 'Noto Sans SC', postscriptName: 'NotoSansSC-Regular' },
    ]);
  });
});

describe('findCjkFont', () => {
  it('finds a system font with its simplified-Chinese face', async () => {
    const font = await findCjkFont();
    expect(['system', 'fontconfig']).toContain(font.source);
    expect(font.regular.family).toMatch(/SC|CN|GB|WenQuanYi|AR PL/);
    expect(font.files.length).toBeGreaterThan(0);
    expect(font.description).toContain(font.regular.family);
    expect(await findCjkFont()).toBe(font);
  });

  it('falls back to the bundled package when system fonts are skipped', async () => {
    const font = await findCjkFont({ systemFonts: false });
    expect(font.source).toBe('bundled');
    expect(font.regular.postscriptName).toBe('NotoSansSC-Regular');
    expect(font.bold.postscriptName).toBe('NotoSansSC-Bold');
    expect(font.regular.path.startsWith(tmpdir())).toBe(true);
  });

  it('takes an explicit font path first, WOFF included', async () => {
    const path = join(dir, 'custom.woff');
    copyFileSync(bundledWoff, path);
    const font = await findCjkFont({ fontPath: path });
    expect(font.source).toBe('option');
    expect(font.regular.family).toBe('Noto Sans SC');
    expect(pickFace(font.regular.path).collection).toBe(false);
  });

  it('fails with REPORT_FONT_MISSING for a path that does not exist', async () => {
    const error = await findCjkFont({ fontPath: join(dir, 'missing.ttf') }).catch(
      (caught: unknown) => caught,
    );
    expect(isAppError(error, 'REPORT_FONT_MISSING')).toBe(true);
  });
});

describe('formatFigure', () => {
  it('groups counts, prints percents with one decimal and null as a dash', () => {
    expect(formatFigure({ value: 12846, format: 'count' })).toBe('12,846');
    expect(formatFigure({ value: 1937 / 12846, format: 'percent' })).toBe('15.1%');
    expect(formatFigure({ value: 1234.567, format: 'number' })).toBe('1,234.57');
    expect(formatFigure({ value: null, format: 'percent' })).toBe('—');
  });
});
