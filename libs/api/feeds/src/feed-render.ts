import { XmlWriter } from '@plaza/api/xml';

/** What a feed says, independent of the syndication format it is written in. */
export interface FeedModel {
  /** A permanent IRI for the feed (Atom `id`). */
  id: string;
  title: string;
  description: string;
  /** BCP 47 language of the text (`es`, `en`…). */
  language: string;
  /** The URL this document is served at. */
  selfUrl: string;
  /** The HTML page the feed is about. */
  alternateUrl: string;
  /** RFC 3339 instant of the newest change in the feed. */
  updated: string;
  /** Who publishes: always the city, never a citizen. */
  author: { name: string; uri: string };
  items: FeedItem[];
}

export interface FeedItem {
  /** Permanent, unique id (Atom `id`): a tag URI. */
  id: string;
  /** True when the item is the only one about its `link`, so RSS may use the link as a permalink guid. */
  linkIsGuid: boolean;
  title: string;
  link: string;
  published: string;
  updated: string;
  /** Plain text. */
  summary: string;
  category?: { term: string; label: string };
  point?: { lat: number; lon: number };
}

export type FeedFormat = 'rss' | 'atom';

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const GEORSS_NS = 'http://www.georss.org/georss';

/** RSS 2.0 (https://www.rssboard.org/rss-specification), with atom:link rel=self and GeoRSS points. */
export function renderRss(feed: FeedModel): string {
  const xml = new XmlWriter()
    .start('rss', { version: '2.0', 'xmlns:atom': ATOM_NS, 'xmlns:georss': GEORSS_NS })
    .start('channel')
    .leaf('title', feed.title)
    .leaf('link', feed.alternateUrl)
    .leaf('description', feed.description)
    .leaf('language', feed.language)
    .leaf('lastBuildDate', rfc822(feed.updated))
    .leaf('generator', 'Plaza')
    .leaf('atom:link', null, { href: feed.selfUrl, rel: 'self', type: 'application/rss+xml' });
  for (const item of feed.items) {
    xml
      .start('item')
      .leaf('title', item.title)
      .leaf('link', item.link)
      .leaf('description', item.summary)
      .leaf('guid', item.linkIsGuid ? item.link : item.id, {
        isPermaLink: item.linkIsGuid ? 'true' : 'false',
      })
      .leaf('pubDate', rfc822(item.published));
    if (item.category) xml.leaf('category', item.category.label);
    if (item.point) xml.leaf('georss:point', `${item.point.lat} ${item.point.lon}`);
    xml.end();
  }
  return xml.end().end().toString();
}

/** Atom 1.0 (RFC 4287). */
export function renderAtom(feed: FeedModel): string {
  const xml = new XmlWriter()
    .start('feed', { xmlns: ATOM_NS, 'xmlns:georss': GEORSS_NS, 'xml:lang': feed.language })
    .leaf('id', feed.id)
    .leaf('title', feed.title, { type: 'text' })
    .leaf('subtitle', feed.description, { type: 'text' })
    .leaf('updated', rfc3339(feed.updated))
    .leaf('link', null, { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl })
    .leaf('link', null, { rel: 'alternate', type: 'text/html', href: feed.alternateUrl })
    .start('author')
    .leaf('name', feed.author.name)
    .leaf('uri', feed.author.uri)
    .end()
    .leaf('generator', 'Plaza');
  for (const item of feed.items) {
    xml
      .start('entry')
      .leaf('id', item.id)
      .leaf('title', item.title, { type: 'text' })
      .leaf('published', rfc3339(item.published))
      .leaf('updated', rfc3339(item.updated))
      .leaf('link', null, { rel: 'alternate', type: 'text/html', href: item.link })
      .leaf('summary', item.summary, { type: 'text' });
    if (item.category) xml.leaf('category', null, { term: item.category.term, label: item.category.label });
    if (item.point) xml.leaf('georss:point', `${item.point.lat} ${item.point.lon}`);
    xml.end();
  }
  return xml.end().toString();
}

/** RFC 822 date-time as RSS wants it (`Sat, 02 May 2026 10:00:00 GMT`; RFC 1123's four-digit year). */
export function rfc822(instant: string): string {
  return new Date(instant).toUTCString();
}

/** RFC 3339 in UTC, to the second. */
export function rfc3339(instant: string): string {
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
