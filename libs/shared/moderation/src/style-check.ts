import type { Locale } from '@plaza/shared/contracts';
import { spanishReadability } from './readability';

/**
 * The basics of the city's style guide, checked on a public reply before it is sent: a greeting,
 * a sign-off, a sensible length, no internal jargon, no shouting and, in Spanish, plain language.
 * Findings carry an i18n message key and its parameters; the console words them.
 */

export type StyleRule = 'greeting' | 'closing' | 'too_short' | 'too_long' | 'jargon' | 'shouting' | 'readability';
export type StyleSeverity = 'error' | 'warning';

export interface StyleFinding {
  rule: StyleRule;
  /** Errors block sending; warnings are advice. */
  severity: StyleSeverity;
  messageKey: string;
  params: Record<string, string | number>;
}

export interface StyleOptions {
  minLength?: number;
  maxLength?: number;
  /** Words and phrases citizens should never read; all-caps entries match case-sensitively as whole words. */
  jargon?: readonly string[];
  /** Lowest acceptable INFLESZ score for Spanish replies. */
  minReadability?: number;
  /** Acronyms that are fine in capitals (they are not shouting). */
  allowedAcronyms?: readonly string[];
}

export const DEFAULT_JARGON: readonly string[] = [
  'expediente interno',
  'incidencia derivada a brigada',
  'derivado a brigada',
  'orden de trabajo',
  'OT',
  'SAP',
  'GIS',
  'CRM',
  'SIGMA',
  'ticket',
];

export const DEFAULT_STYLE_OPTIONS = {
  minLength: 60,
  maxLength: 1500,
  minReadability: 55,
  jargon: DEFAULT_JARGON,
  allowedAcronyms: ['DNI', 'NIE', 'IBI', 'EMT', 'ORA', 'SER', 'ITV', 'UE'],
} satisfies Required<StyleOptions>;

const GREETINGS: Record<Locale, RegExp> = {
  es: /^(hola|buen[oa]s(\s+(días|tardes|noches))?|estimad[oa]s?|querid[oa]s?|saludos)\b/iu,
  en: /^(hello|hi|dear|good\s+(morning|afternoon|evening)|greetings)\b/iu,
  ca: /^(hola|bon\s+dia|bona\s+tarda|bones|benvolgut|benvolguda|estimat|estimada)\b/iu,
  gl: /^(ola|bo\s+día|bos\s+días|boas(\s+tardes)?|estimad[oa]s?|benquerid[oa]s?)\b/iu,
  eu: /^(kaixo|egun\s+on|arratsalde\s+on|agur|estimatu)\b/iu,
};

const CLOSINGS: Record<Locale, RegExp> = {
  es: /\b(un\s+saludo|saludos(\s+cordiales)?|atentamente|cordialmente|gracias|muchas\s+gracias)\b[^\p{L}]*(\n.*)?$/iu,
  en: /\b(regards|kind\s+regards|best\s+wishes|sincerely|thank\s+you|thanks|yours)\b[^\p{L}]*(\n.*)?$/iu,
  ca: /\b(salutacions|una\s+salutació|atentament|cordialment|gràcies|moltes\s+gràcies)\b[^\p{L}]*(\n.*)?$/iu,
  gl: /\b(saúdos|un\s+saúdo|atentamente|cordialmente|grazas|moitas\s+grazas)\b[^\p{L}]*(\n.*)?$/iu,
  eu: /\b(agur|adeu|eskerrik\s+asko|mila\s+esker|begirunez)\b[^\p{L}]*(\n.*)?$/iu,
};

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The jargon terms present in the text, each once, in list order. */
export function findJargon(text: string, jargon: readonly string[]): string[] {
  return jargon.filter((term) => {
    const caseSensitive = term === term.toUpperCase() && /\p{Lu}/u.test(term);
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, caseSensitive ? 'u' : 'iu');
    return pattern.test(text);
  });
}

/** Words of four or more letters written in capitals (allowed acronyms and jargon excepted). */
export function findShouting(text: string, allowed: readonly string[]): string[] {
  const words = text.match(/\p{L}{4,}/gu) ?? [];
  const shouted = words.filter((w) => w === w.toUpperCase() && w !== w.toLowerCase() && !allowed.includes(w));
  return [...new Set(shouted)];
}

export function checkStyle(reply: string, locale: Locale, options: StyleOptions = {}): StyleFinding[] {
  const settings = { ...DEFAULT_STYLE_OPTIONS, ...options };
  const text = reply.trim();
  const findings: StyleFinding[] = [];
  const add = (rule: StyleRule, severity: StyleSeverity, messageKey: string, params: Record<string, string | number> = {}) =>
    findings.push({ rule, severity, messageKey, params });

  if (!GREETINGS[locale].test(text)) add('greeting', 'error', 'style.greeting');
  if (!CLOSINGS[locale].test(lastLines(text))) add('closing', 'warning', 'style.closing');
  if (text.length < settings.minLength) add('too_short', 'error', 'style.tooShort', { length: text.length, min: settings.minLength });
  if (text.length > settings.maxLength) add('too_long', 'error', 'style.tooLong', { length: text.length, max: settings.maxLength });
  const jargon = findJargon(text, settings.jargon);
  if (jargon.length > 0) add('jargon', 'error', 'style.jargon', { terms: jargon.join(', '), count: jargon.length });
  const shouting = findShouting(text, [...settings.allowedAcronyms, ...settings.jargon]);
  if (shouting.length > 0) add('shouting', 'warning', 'style.shouting', { words: shouting.join(', '), count: shouting.length });
  if (locale === 'es') {
    const readability = spanishReadability(text);
    if (readability && readability.words >= 10 && readability.score < settings.minReadability) {
      add('readability', 'warning', 'style.readability', { score: readability.score, min: settings.minReadability, band: readability.band });
    }
  }
  return findings;
}

/** The sign-off lives in the last two lines (a closing formula and, maybe, a signature). */
function lastLines(text: string): string {
  return text.split(/\n+/).slice(-2).join('\n');
}

/** A reply passes when nothing blocks it; warnings are still shown. */
export function passesStyle(findings: readonly StyleFinding[]): boolean {
  return findings.every((f) => f.severity !== 'error');
}
