/**
 * The project's segmenter as the corpus generator's tokenizer: items get exactly the tokens the
 * application would store for them (`Segmenter.tokensForIndex`).
 */
import { Segmenter } from '../../src/analysis/segment/segmenter.js';
import type { IndexTokenizer } from './generate.js';

/** Loads the segmenter (the jieba dictionary takes a moment) and returns its index tokenizer. */
export async function loadIndexTokenizer(): Promise<IndexTokenizer> {
  const segmenter = new Segmenter();
  return (text) => segmenter.tokensForIndex(text);
}
