/**
 * Atom feeds (RFC 4287) as strings. Pure. Every text value is XML-escaped and stripped of
 * characters XML forbids, because titles and summaries come from document text.
 */

/** One entry of a feed. */
export interface FeedEntry {
  /** Stable id: the absolute URL of the page. */
  id: string;
  /** Entry title (plain text). */
  title: string;
  /** Absolute URL of the page. */
  url: string;
  /** ISO date of the last change (YYYY-MM-DD or full timestamp). */
  updated: string;
  /** Short plain-text summary. */
  summary: string;
  /** Author names, if any. */
  authors?: string[];
  /** Category labels. */
  categories?: string[];
}

/** A feed. */
export interface Feed {
  /** Feed title. */
  title: string;
  /** Subtitle. */
  subtitle?: string;
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  /** Absolute URL of the HTML page it belongs to. */
  pageUrl: string;
  /** Entries, newest first. */
  entries: FeedEntry[];
  /** Fallback "updated" when there are no entries (ISO date). */
  updated: string;
}

// XML 1.0 allows tab, newline, carriage return and everything from U+0020 except surrogates and U+FFFE/U+FFFF.
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escape text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An ISO date as an RFC 3339 timestamp (midnight UTC when only a date is given). */
export function rfc3339(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date;
}

/** Render a feed as Atom XML. */
export function atomFeed(feed: Feed): string {
  const updated = feed.entries.reduce((max, e) => (e.updated > max ? e.updated : max), feed.entries.length ? '' : feed.updated);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">',
    `  <title>${escapeXml(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`] : []),
    `  <id>${escapeXml(feed.selfUrl)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>`,
    `  <updated>${escapeXml(rfc3339(updated))}</updated>`,
    '  <author><name>Vraagspoor</name></author>',
    '  <generator>Vraagspoor</generator>',
  ];
  for (const e of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(e.id)}</id>`,
      `    <title type="text">${escapeXml(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>`,
      `    <updated>${escapeXml(rfc3339(e.updated))}</updated>`,
      ...(e.authors ?? []).map((a) => `    <author><name>${escapeXml(a)}</name></author>`),
      ...(e.categories ?? []).map((c) => `    <category term="${escapeXml(c)}"/>`),
      `    <summary type="text">${escapeXml(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
