/**
 * The terms an item is clustered on: its best TF-IDF keywords. Clustering takes more of them than the item
 * keeps for display (8): short posts about the same story share few words, and the wider set lets them meet
 * (chosen on the weibo2018 topics and CED dev sets, see docs/quality.md "Event clustering").
 */
import { extractKeywords, type IdfModel } from '../keywords/index.js';

/** Keywords per item that clustering compares. */
export const CLUSTER_TERMS = 16;

/** The clustering terms of an item from its segmented tokens (title and content). */
export function clusterTermsOf(tokens: readonly string[], model: IdfModel): string[] {
  return extractKeywords(tokens, model, CLUSTER_TERMS);
}
