import { CITY_META_NAME, reportStatusLabel, type CitySettings, type Locale, type ReportStatus } from '@plaza/shared/contracts';

/** What a shared link's preview card shows; every value is plain text, escaped on the way into HTML. */
export interface PreviewCard {
  title: string;
  description: string;
  /** Absolute canonical URL of the page. */
  url: string;
  /** Absolute URL of an image, or null. */
  image: string | null;
  imageAlt: string;
  locale: Locale;
  siteName: string;
}

const OG_LOCALES: Record<Locale, string> = { es: 'es_ES', en: 'en_GB', ca: 'ca_ES', eu: 'eu_ES', gl: 'gl_ES' };

export function statusLabel(status: ReportStatus, locale: Locale): string {
  return reportStatusLabel(status, locale);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Cuts at a word boundary so a card never ends mid-word. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}

/**
 * The map's index.html with the city it shows (name, centre, zoom) as a JSON meta tag, read by the
 * map before its first paint: one build serves any city without waiting for a settings request.
 */
export function injectCity(template: string, city: CitySettings): string {
  const tag = `<meta name="${CITY_META_NAME}" content="${escapeHtml(JSON.stringify(city))}" />`;
  return template.replace(/\s*<\/head>/i, () => `\n    ${tag}\n  </head>`);
}

/**
 * The SPA's index.html with the report's Open Graph and Twitter tags, title, description,
 * canonical link and language: crawlers do not run JavaScript, so the card must be in the HTML.
 */
export function injectPreview(template: string, card: PreviewCard): string {
  const meta = (attr: 'name' | 'property', key: string, value: string) =>
    `<meta ${attr}="${key}" content="${escapeHtml(value)}" />`;
  const tags = [
    meta('name', 'description', card.description),
    `<link rel="canonical" href="${escapeHtml(card.url)}" />`,
    meta('property', 'og:type', 'article'),
    meta('property', 'og:site_name', card.siteName),
    meta('property', 'og:title', card.title),
    meta('property', 'og:description', card.description),
    meta('property', 'og:url', card.url),
    meta('property', 'og:locale', OG_LOCALES[card.locale]),
    ...(card.image
      ? [meta('property', 'og:image', card.image), meta('property', 'og:image:alt', card.imageAlt)]
      : []),
    meta('name', 'twitter:card', card.image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', card.title),
    meta('name', 'twitter:description', card.description),
    ...(card.image ? [meta('name', 'twitter:image', card.image), meta('name', 'twitter:image:alt', card.imageAlt)] : []),
  ];
  return (
    template
      .replace(/<html([^>]*)\blang="[^"]*"/i, `<html$1lang="${card.locale}"`)
      // The generic description and title of the SPA shell give way to the report's own.
      .replace(/\s*<meta\s+name="description"[^>]*>/i, '')
      .replace(/<title>[\s\S]*?<\/title>/i, () => `<title>${escapeHtml(`${card.title} · ${card.siteName}`)}</title>`)
      .replace(/\s*<\/head>/i, () => `\n    ${tags.join('\n    ')}\n  </head>`)
  );
}
