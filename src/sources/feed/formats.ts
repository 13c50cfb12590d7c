/** The entries of each feed format feedsmith reads (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed) as FeedEntry. */
import type { AnyFeed, AtomFeed, JsonFeed, RdfFeed, RssFeed } from 'feedsmith';
import type { FeedEntry } from './entry.js';

type RssItem = RssFeed.Item<string>;
type RdfItem = RdfFeed.Item<string>;
type AtomEntry = AtomFeed.Entry<string>;
type JsonItem = JsonFeed.Item<string>;

function rssEntry(item: RssItem): FeedEntry {
  const guid = item.guid?.value;
  const person = item.authors?.[0];
  return {
    id: guid ?? item.link,
    link: item.link ?? (item.guid?.isPermaLink !== false && guid?.startsWith('http') ? guid : undefined),
    title: item.title ?? item.dc?.titles?.[0],
    html: item.content?.encoded ?? item.description,
    author: item.dc?.creators?.[0] ?? person?.name ?? person?.email,
    time: item.pubDate ?? item.dc?.dates?.[0],
    images: (item.enclosures ?? [])
      .filter((enclosure) => enclosure.type?.startsWith('image/'))
      .map((enclosure) => enclosure.url),
  };
}

function rdfEntry(item: RdfItem): FeedEntry {
  return {
    id: item.rdf?.about ?? item.link,
    link: item.link,
    title: item.title,
    html: item.content?.encoded ?? item.description,
    author: item.dc?.creators?.[0],
    time: item.dc?.dates?.[0],
  };
}

function atomLink(entry: AtomEntry): string | undefined {
  const links = entry.links ?? [];
  return (links.find((link) => !link.rel || link.rel === 'alternate') ?? links[0])?.href;
}

function atomEntry(entry: AtomEntry): FeedEntry {
  return {
    id: entry.id,
    link: atomLink(entry),
    title: entry.title?.value,
    html: entry.content?.value ?? entry.summary?.value,
    author: entry.authors?.[0]?.name,
    time: entry.published ?? entry.updated,
  };
}

function jsonEntry(item: JsonItem): FeedEntry {
  return {
    id: item.id,
    link: item.url ?? item.external_url,
    title: item.title,
    html: item.content_html ?? item.content_text ?? item.summary,
    author: item.authors?.[0]?.name,
    time: item.date_published ?? item.date_modified,
    images: [item.image, item.banner_image],
  };
}

/** The feed's title and its entries. */
export function entriesOf(parsed: AnyFeed): { title: string | undefined; entries: FeedEntry[] } {
  switch (parsed.format) {
    case 'rss':
      return { title: parsed.feed.title, entries: (parsed.feed.items ?? []).map(rssEntry) };
    case 'rdf':
      return { title: parsed.feed.title, entries: (parsed.feed.items ?? []).map(rdfEntry) };
    case 'atom':
      return { title: parsed.feed.title?.value, entries: (parsed.feed.entries ?? []).map(atomEntry) };
    case 'json':
      return { title: parsed.feed.title, entries: (parsed.feed.items ?? []).map(jsonEntry) };
  }
}
