/**
 * The main text of an article page by Readability (over a linkedom document), as clean text and images.
 * When Readability finds nothing, the whole body's text is used.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToTextWithImages, type TextWithImages } from '../../../analysis/normalize/html.js';

/** Readability's result reduced to what an item needs. */
export interface ArticleBody extends TextWithImages {
  byline: string | null;
  title: string | null;
}

/** The main content of `html`; images resolve against `url`. */
export function readArticleBody(html: string, url: string): ArticleBody {
  const { document } = parseHTML(html);
  const article = new Readability(document, { charThreshold: 100 }).parse();
  const main = article?.content ? htmlToTextWithImages(article.content, url) : null;
  if (main && main.text !== '') {
    return { ...main, byline: article?.byline?.trim() || null, title: article?.title?.trim() || null };
  }
  return { ...htmlToTextWithImages(html, url), byline: null, title: null };
}
