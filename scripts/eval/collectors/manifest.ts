/** The lines of `html-news-pages/gne/manifest.jsonl`, validated; GNE's extraction is kept where present. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../src/platform/errors.js';

const gneSchema = z.object({
  title: z.string(),
  author: z.string(),
  publish_time: z.string(),
  content: z.string(),
});

const lineSchema = z.object({
  file: z.string().min(1),
  kind: z.enum(['article', 'list']),
  site: z.string().min(1),
  declared_charset: z.string().nullable(),
  actual_encoding: z.string().min(1),
  charset_mismatch: z.boolean(),
  gne_extraction: gneSchema.nullable(),
});

/** GNE's machine output for a page (a useful expected value, not human gold). */
export type GneExtraction = z.infer<typeof gneSchema>;

/** One page of the manifest. */
export type ManifestPage = z.infer<typeof lineSchema>;

function readLine(line: string, where: string): ManifestPage {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('IMPORT_FORMAT', `${where} is not JSON: ${reason}`);
  }
  const parsed = lineSchema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('IMPORT_FORMAT', `${where} is not a manifest line: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** Reads the manifest; IMPORT_FORMAT naming the line when one is not a valid manifest line. */
export function readManifest(path: string): ManifestPage[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => readLine(line, `${path} line ${number}`));
}
