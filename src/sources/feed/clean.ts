/**
 * Pre-cleaning of feed XML that real sites get wrong: text before `<?xml` (whitespace, a stray BOM), HTML
 * named entities such as `&nbsp;` that XML does not define, and bare `&` in titles and links. CDATA sections
 * are left untouched, since XML does not read entities inside them.
 */

/** HTML entities common in Chinese feeds, by name, as code points. */
const HTML_ENTITIES: Readonly<Record<string, number>> = {
  nbsp: 0xa0,
  ensp: 0x2002,
  emsp: 0x2003,
  thinsp: 0x2009,
  zwnj: 0x200c,
  zwj: 0x200d,
  shy: 0xad,
  ndash: 0x2013,
  mdash: 0x2014,
  lsquo: 0x2018,
  rsquo: 0x2019,
  ldquo: 0x201c,
  rdquo: 0x201d,
  hellip: 0x2026,
  middot: 0xb7,
  bull: 0x2022,
  laquo: 0xab,
  raquo: 0xbb,
  copy: 0xa9,
  reg: 0xae,
  trade: 0x2122,
  times: 0xd7,
  divide: 0xf7,
  deg: 0xb0,
  yen: 0xa5,
  euro: 0x20ac,
  pound: 0xa3,
  cent: 0xa2,
  sect: 0xa7,
  para: 0xb6,
};

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

function fixEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+;|#\d+;|[a-z][a-z0-9]*;)?/gi, (whole, reference: string | undefined) => {
    if (reference === undefined) return '&amp;';
    if (reference.startsWith('#')) return whole;
    const name = reference.slice(0, -1);
    if (XML_ENTITIES.has(name)) return whole;
    const code = HTML_ENTITIES[name.toLowerCase()];
    return code === undefined ? `&amp;${reference}` : `&#${code};`;
  });
}

/** Feed XML made well-formed enough for a strict parser; content is otherwise unchanged. */
export function prepareFeedXml(text: string): string {
  const start = text.indexOf('<');
  const trimmed = start > 0 ? text.slice(start) : text;
  return trimmed
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part : fixEntities(part)))
    .join('');
}
