// Renders a report document to PDF (and DOCX) and the PDF's pages to PNG, so the layout can be checked by
// eye (issue 7). Run: npx tsx scripts/render-report-pages.ts [document.json] [--out folder] [--bundled-font]
// Without a path it renders the sample document of the tests (test/reports/fixtures/sample-document.ts).
// Needs pdftoppm (poppler-utils); when libreoffice is installed the DOCX is converted and rendered as well.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ReportDocument } from '../src/domain/index.js';
import { findCjkFont, renderReport } from '../src/reports/render/index.js';
import { sampleDocument } from '../test/reports/fixtures/sample-document.js';

const run = promisify(execFile);
const TOOL_TIMEOUT_MS = 120_000;

function parseArguments(argv: string[]): { input: string | null; out: string; bundled: boolean } {
  let input: string | null = null;
  let out = join(tmpdir(), 'fengxiang-report-pages');
  let bundled = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--out') out = argv[(i += 1)] ?? out;
    else if (arg === '--bundled-font') bundled = true;
    else input = arg;
  }
  return { input, out, bundled };
}

async function hasTool(name: string): Promise<boolean> {
  try {
    await run('which', [name], { timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

async function pages(pdf: string, prefix: string): Promise<string[]> {
  await run('pdftoppm', ['-png', '-r', '80', pdf, prefix], { timeout: TOOL_TIMEOUT_MS });
  const folder = join(prefix, '..');
  const stem = prefix.slice(folder.length + 1);
  return readdirSync(folder)
    .filter((name) => name.startsWith(`${stem}-`) && name.endsWith('.png'))
    .sort()
    .map((name) => join(folder, name));
}

async function main(): Promise<void> {
  const { input, out, bundled } = parseArguments(process.argv.slice(2));
  const document: ReportDocument =
    input === null ? sampleDocument() : (JSON.parse(readFileSync(input, 'utf8')) as ReportDocument);
  const options = bundled ? { systemFonts: false } : {};
  mkdirSync(out, { recursive: true });
  console.log(`font: ${(await findCjkFont(options)).description}`);
  const pdf = await renderReport(document, 'pdf', options);
  const docx = await renderReport(document, 'docx', options);
  const pdfPath = join(out, pdf.fileName);
  const docxPath = join(out, docx.fileName);
  writeFileSync(pdfPath, pdf.bytes);
  writeFileSync(docxPath, docx.bytes);
  console.log(`pdf: ${pdfPath}\ndocx: ${docxPath}`);
  if (!(await hasTool('pdftoppm'))) {
    console.error('pdftoppm is missing: apt-get install poppler-utils');
    process.exit(1);
  }
  for (const page of await pages(pdfPath, join(out, 'pdf-page'))) console.log(page);
  const office = (await hasTool('libreoffice'))
    ? 'libreoffice'
    : (await hasTool('soffice'))
      ? 'soffice'
      : null;
  if (office === null) {
    console.log('libreoffice is not installed: the DOCX was not converted');
    return;
  }
  const converted = join(out, 'docx');
  mkdirSync(converted, { recursive: true });
  await run(office, ['--headless', '--convert-to', 'pdf', '--outdir', converted, docxPath], {
    timeout: TOOL_TIMEOUT_MS,
  });
  const convertedPdf = join(converted, docx.fileName.replace(/\.docx$/, '.pdf'));
  for (const page of await pages(convertedPdf, join(out, 'docx-page'))) console.log(page);
}

await main();
