/** The "Collectors" section of docs/quality.md: a paragraph on data, reference and metrics, then the tables. */
import type { CollectorsReport } from './report.js';
import type { FeedRow } from './feeds.js';
import type { ListResult } from './lists.js';
import type { ArticleSummary, Share } from './summary.js';

function percent(value: number | null): string {
  return value === null ? '–' : `${(value * 100).toFixed(1)}%`;
}

function ratio(share: Share): string {
  return share.of === 0 ? '–' : `${share.hits}/${share.of} (${percent(share.hits / share.of)})`;
}

function fraction(count: number, of: number): string {
  return of === 0 ? '–' : `${count}/${of}`;
}

function feedLine(row: FeedRow): string {
  const name = row.file === 'total' ? '**total**' : `\`${row.file}\``;
  const note = row.error === null ? '' : row.error.replace(/\|/gu, '\\|').replace(/\s+/gu, ' ');
  return `| ${name} | ${row.format ?? '–'} | ${row.parsed}/${row.inFile} | ${fraction(row.withTitle, row.parsed)} | ${fraction(row.withLink, row.parsed)} | ${fraction(row.withTime, row.parsed)} | ${fraction(row.withContent, row.parsed)} | ${note} |`;
}

function articleLine(row: ArticleSummary): string {
  const name = row.site === 'total' ? '**total**' : row.site;
  return `| ${name} | ${row.pages} | ${ratio(row.charsetRight)} | ${row.emptyBodies} | ${row.withReference} | ${ratio(row.titleExact)} | ${percent(row.titleSimilarity)} | ${ratio(row.timeMatch)} | ${percent(row.bodyF1Mean)} | ${percent(row.bodyF1Median)} | ${ratio(row.authorMatch)} |`;
}

function listLine(row: ListResult): string {
  return `| \`${row.file}\` | ${row.charsetRight ? 'yes' : 'no'} | ${row.links} | ${row.articleLinks} |`;
}

const EXPLANATION = [
  'Data: the feeds in `rss-feeds/` (native publisher feeds and scraper-built Xinhua section feeds) and the',
  'saved pages of `html-news-pages/gne/` (GeneralNewsExtractor’s test corpus), run through the collectors’ own',
  'code (`parseFeed`; `decodeBody` then `extractArticle`; `parseListPage`) from the files, without network;',
  'the files carry no URL, so each is read as if served from a placeholder https address (`.invalid`).',
  'Feed entries are counted against the `<item>`/`<entry>` elements a regex finds in the file; a time is',
  'readable when the entry has an instant or printed text that `parsePublishedTime` reads in Asia/Shanghai.',
  'The reference for article pages is GNE’s extraction stored in the manifest for some pages: machine output,',
  'useful as an expected value but not human gold, so disagreement may be GNE’s error as well as ours.',
  'Titles match when equal after NFKC, trimming and folding whitespace; title similarity is 1 − character edit',
  'distance ÷ the longer length; times match when both fall in the same minute (the reference read in',
  'Asia/Shanghai); body similarity is the F1 of character bigrams (multisets, whitespace removed, NFKC) of our',
  'text against GNE’s; authors match when equal after the same folding, counted only where GNE found one',
  '(GNE often gives the responsible editor, 责任编辑, and once a stray word such as “搜索”).',
  'The charset is right when the decoder chose the manifest’s actual encoding, including the pages whose',
  '`<meta>` declares GB2312 over UTF-8 bytes. List pages have no common item markup, so they are read with the',
  'generic selector “every `<a href>`” and we count distinct links whose path looks like an article',
  '(six or more digits, or a dated folder).',
];

function renderFeeds(rows: readonly FeedRow[], total: FeedRow): string[] {
  return [
    '### Feeds',
    '',
    '| file | format | entries parsed/in file | with title | with link | with readable time | with content | error |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(feedLine),
    feedLine(total),
    '',
  ];
}

function renderArticles(report: Extract<CollectorsReport, { missing: null }>): string[] {
  const total = report.articles.find((row) => row.site === 'total');
  const mismatch = total ? ratio(total.mismatchRight) : '–';
  return [
    '### Article pages',
    '',
    `Right charset on the pages that declare a wrong one: ${mismatch}.`,
    '',
    '| site | pages | right charset | empty body | with GNE reference | title exact | title similarity | time (same minute) | body bigram F1 mean | body bigram F1 median | author |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...report.articles.map(articleLine),
    '',
  ];
}

function renderLists(rows: readonly ListResult[]): string[] {
  return [
    '### List pages',
    '',
    '| file | right charset | distinct links | article-like links |',
    '| --- | --- | --- | --- |',
    ...rows.map(listLine),
    '',
  ];
}

/** The Markdown lines of the Collectors section; a clear note instead of tables when data is missing. */
export function renderCollectors(report: CollectorsReport): string[] {
  const head = ['## Collectors (feeds, article pages, list pages)', ''];
  if (report.missing !== null) {
    return [
      ...head,
      `Not measured: the shared data is missing (${report.missing.join(', ')} not found). Put ../shared/data`,
      'beside the checkout or set FENGXIANG_DATA_DIR.',
      '',
    ];
  }
  return [
    ...head,
    ...EXPLANATION,
    '',
    ...renderFeeds(report.feeds, report.feedTotal),
    ...renderArticles(report),
    ...renderLists(report.lists),
  ];
}
