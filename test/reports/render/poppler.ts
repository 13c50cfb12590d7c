/**
 * poppler-utils for the PDF tests: text extraction (`pdftotext -layout`) proves the Chinese text is in the
 * file with a working font, `pdffonts` lists what is embedded. Missing tools skip the tests with a message,
 * unless FENGXIANG_TEST_REQUIRE_SERVICES=1 (CI), where they fail.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIMEOUT_MS = 30_000;

function has(tool: string): boolean {
  try {
    execFileSync(tool, ['-v'], { timeout: TIMEOUT_MS, stdio: 'ignore' });
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** True when pdftotext and pdffonts can run. */
export const popplerAvailable = has('pdftotext') && has('pdffonts');

if (!popplerAvailable) {
  if (process.env['FENGXIANG_TEST_REQUIRE_SERVICES'] === '1') {
    throw new Error('FENGXIANG_TEST_REQUIRE_SERVICES=1 but pdftotext/pdffonts (poppler-utils) are missing');
  }
  console.warn(
    'pdftotext/pdffonts are missing: PDF text checks are skipped (apt-get install poppler-utils).',
  );
}

function withFile<T>(bytes: Uint8Array, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'fx-pdf-'));
  try {
    const path = join(dir, 'report.pdf');
    writeFileSync(path, bytes);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text in layout order. */
export function pdfText(bytes: Uint8Array): string {
  return withFile(bytes, (path) =>
    execFileSync('pdftotext', ['-layout', path, '-'], { timeout: TIMEOUT_MS, encoding: 'utf8' }),
  );
}

/** One row of `pdffonts`: the font name and whether it is embedded. */
export interface PdfFont {
  name: string;
  embedded: boolean;
}

/** The fonts the PDF uses. */
export function pdfFonts(bytes: Uint8Array): PdfFont[] {
  const out = withFile(bytes, (path) =>
    execFileSync('pdffonts', [path], { timeout: TIMEOUT_MS, encoding: 'utf8' }),
  );
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      const name = columns[0] ?? '';
      // name, type (1–3 words), encoding, emb, sub, uni, object, id: "emb" is the 5th column from the end.
      return { name, embedded: columns[columns.length - 5] === 'yes' };
    });
}

/** Pages in the PDF (form feeds in pdftotext output). */
export function pageCount(text: string): number {
  return text.split('\f').filter((page) => page.trim() !== '').length;
}
