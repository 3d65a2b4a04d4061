/** Languages Plaza speaks. Spanish is the city's default; the others fall back to it, then to English. */
export const LOCALES = ['es', 'en', 'ca', 'eu', 'gl'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'es';

/** Text kept in several languages; Spanish and English are required, the others optional. */
export type LocalizedText = { es: string; en: string } & Partial<Record<Locale, string>>;

/** Cookie in which the web apps remember a visitor's language choice. */
export const LOCALE_COOKIE = 'plaza_lang';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function pickText(text: LocalizedText, locale: Locale): string {
  return text[locale] ?? text[DEFAULT_LOCALE] ?? text.en;
}

/**
 * Picks the best supported language from an Accept-Language header (RFC 9110 §12.5.4),
 * honouring q-values and matching primary subtags (`es-ES` → `es`).
 */
export function negotiateLocale(header: string | undefined | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((range) => range.tag && range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranges) {
    const primary = tag.split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}
