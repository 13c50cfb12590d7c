/**
 * Builds the console (web/dist) for the browser tests when it is missing or older than its sources, once per
 * test run (vitest's global setup), as a production build: vitest runs with NODE_ENV=test, and a build that
 * inherits it would ship React's and antd's development code, with its warnings and slower rendering.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConsoleDir, packageRoot } from '../../src/api/console.js';

const BUILD_TIMEOUT_MS = 180_000;

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when web/dist is missing or a file under web/ changed after it was built. */
export function consoleBuildIsStale(): boolean {
  const index = join(defaultConsoleDir(), 'index.html');
  if (!existsSync(index)) return true;
  const web = join(packageRoot(), 'web');
  const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((name) => join(web, name));
  const newest = Math.max(
    ...sources
      .filter((path) => existsSync(path))
      .map((path) => (statSync(path).isDirectory() ? newestSource(path) : statSync(path).mtimeMs)),
  );
  return newest > statSync(index).mtimeMs;
}

/** Builds web/dist in production mode when it is stale. */
export function ensureConsoleBuilt(): void {
  if (!consoleBuildIsStale()) return;
  const root = packageRoot();
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts'],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
      timeout: BUILD_TIMEOUT_MS,
    },
  );
}

/** Vitest global setup: build once before any test file runs. */
export default function setup(): void {
  ensureConsoleBuilt();
}
