/**
 * Clean text from an HTML fragment or body: invisible elements dropped, block elements and <br> turned
 * into line breaks, entities decoded, whitespace collapsed, one `\n` between paragraphs.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { resolveUrl } from './url.js';

/** Elements whose content is never text a reader sees. */
const DROPPED = 'script, style, noscript, iframe, svg, template, object, embed, canvas, head, select';

/** Elements that start and end a line. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
]);

/** Table cells are separated by a space so that a row reads as one line. */
const CELLS = new Set(['td', 'th']);

/** Attributes that may hold an image's address, lazy-loading ones first (their `src` is a placeholder). */
const IMAGE_ATTRIBUTES = ['data-src', 'data-original', 'data-lazy-src', 'data-actualsrc', 'src'];

/** Text and the images of an HTML fragment. */
export interface TextWithImages {
  text: string;
  /** Absolute http(s) URLs of the images, in document order, each once. */
  images: string[];
}

function collect(node: AnyNode, out: string[]): void {
  if (node.type === 'text') {
    out.push(node.data.replace(/\s+/gu, ' '));
    return;
  }
  if (node.type !== 'tag' && node.type !== 'root') return;
  const name = node.type === 'tag' ? node.name.toLowerCase() : '';
  if (name === 'br') {
    out.push('\n');
    return;
  }
  const breaks = BLOCKS.has(name);
  if (breaks) out.push('\n');
  if (CELLS.has(name)) out.push(' ');
  for (const child of node.children) collect(child, out);
  if (breaks) out.push('\n');
}

function tidy(raw: string): string {
  return raw
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

function parse(html: string): CheerioAPI {
  const $ = load(html);
  $(DROPPED).remove();
  return $;
}

function textOf($: CheerioAPI): string {
  const out: string[] = [];
  for (const node of $.root().toArray()) collect(node, out);
  return tidy(out.join(''));
}

/** Clean text of an HTML fragment or document: one line per paragraph, no markup, entities decoded. */
export function htmlToText(html: string): string {
  return textOf(parse(html));
}

function imagesOf($: CheerioAPI, baseUrl: string): string[] {
  const images = new Set<string>();
  $('img').each((_index, element) => {
    for (const attribute of IMAGE_ATTRIBUTES) {
      const value = $(element).attr(attribute);
      const resolved = value === undefined ? null : resolveUrl(value, baseUrl);
      if (resolved !== null) {
        images.add(resolved);
        return;
      }
    }
  });
  return [...images];
}

/**
 * Clean text (as {@link htmlToText}) and the absolute URLs of the images in the fragment, resolved
 * against `baseUrl`. A lazy-loading attribute (`data-src`, `data-original`, …) wins over `src`; `data:`
 * placeholders and images inside dropped elements are left out.
 */
export function htmlToTextWithImages(html: string, baseUrl: string): TextWithImages {
  const $ = parse(html);
  return { text: textOf($), images: imagesOf($, baseUrl) };
}
