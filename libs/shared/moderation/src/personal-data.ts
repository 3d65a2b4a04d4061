import type { Locale, PersonalDataKind } from '@plaza/shared/contracts';

/**
 * Finds what looks like personal data in a citizen's text before it is published: Spanish identity
 * numbers (DNI/NIE, check letter validated), phone numbers, email addresses, licence plates and
 * names introduced with "me llamo" / "soy" / "mi nombre es". It is a highlighter for a human, not a
 * guarantee: it prefers missing an odd case to flagging report references or street numbers.
 */

export type { PersonalDataKind } from '@plaza/shared/contracts';

export interface PersonalDataSpan {
  /** UTF-16 offsets into the text, end exclusive (what String#slice expects). */
  start: number;
  end: number;
  kind: PersonalDataKind;
  text: string;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** The check letter of a DNI number (or of a NIE once its X/Y/Z is turned into 0/1/2). */
export function dniCheckLetter(digits: number): string {
  return DNI_LETTERS.charAt(digits % 23);
}

// A match must not be glued to other letters, digits or a reference's hyphenated parts.
const BEFORE = String.raw`(?<![\p{L}\p{N}_.\-/])`;
const AFTER = String.raw`(?![\p{L}\p{N}_]|[.\-/]\p{N})`;

const DNI = new RegExp(`${BEFORE}(\\d{2}\\.?\\d{3}\\.?\\d{3})[\\s-]?([A-Za-z])${AFTER}`, 'gu');
const NIE = new RegExp(`${BEFORE}([XYZxyz])[\\s-]?(\\d{7})[\\s-]?([A-Za-z])${AFTER}`, 'gu');
// Nine digits starting 6/7/8/9, optionally after +34 / 0034, in groups split by spaces, dots or hyphens.
const PHONE = new RegExp(
  `(?<![\\p{L}\\p{N}_.\\-/+])(?:(?:\\+|00)\\s?34[\\s.-]?|\\(\\+34\\)\\s?)?[6789](?:[\\s.-]?\\d){8}${AFTER}`,
  'gu',
);
const EMAIL =
  /(?<![\p{L}\p{N}_.+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}_])/gu;
// Since 2000: four digits and three consonants (no vowels, no Ñ or Q).
const PLATE_CURRENT = new RegExp(`${BEFORE}\\d{4}[\\s-]?[BCDFGHJKLMNPRSTVWXYZ]{3}${AFTER}`, 'gu');
// Before 2000: province code, four digits, one or two letters (M-1234-AB).
const PROVINCES =
  'A|AB|AL|AV|B|BA|BI|BU|C|CA|CC|CE|CO|CR|CS|CU|GC|GE|GI|GR|GU|H|HU|IB|J|L|LE|LO|LU|M|MA|ML|MU|NA|O|OR|OU|P|PM|PO|S|SA|SE|SG|SO|SS|T|TE|TF|TO|V|VA|VI|Z|ZA';
const PLATE_OLD = new RegExp(`${BEFORE}(?:${PROVINCES})[\\s-]?\\d{4}[\\s-]?[A-Z]{1,2}${AFTER}`, 'gu');
const NAME_INTRO = /(?<![\p{L}])(?:me\s+llamo|mi\s+nombre\s+es|soy)\s+/giu;
const CAPITALISED = /^\p{Lu}[\p{Ll}'’-]*\p{Ll}/u;
const NAME_PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'i']);
// What people say they are when they are not giving a name ("Soy Vecina del barrio", written in
// title case): never the start of a name, so the report is not held for it.
const NOT_NAMES = new Set([
  'vecino',
  'vecina',
  'vecinos',
  'vecinas',
  'usuario',
  'usuaria',
  'residente',
  'conductor',
  'conductora',
  'ciclista',
  'peatón',
  'peatona',
  'madre',
  'padre',
  'abuelo',
  'abuela',
  'comerciante',
  'propietario',
  'propietaria',
  'inquilino',
  'inquilina',
  'jubilado',
  'jubilada',
  'estudiante',
  'presidente',
  'presidenta',
  'miembro',
  'socio',
  'socia',
  'trabajador',
  'trabajadora',
  'profesor',
  'profesora',
  'el',
  'la',
  'los',
  'las',
  'un',
  'una',
  'uno',
  'del',
  'de',
  'muy',
  'yo',
  'quien',
  'quién',
]);

function collect(
  text: string,
  pattern: RegExp,
  kind: PersonalDataKind,
  accept: (m: RegExpExecArray) => boolean = () => true,
): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const match of text.matchAll(pattern)) {
    if (!accept(match)) continue;
    spans.push({ start: match.index, end: match.index + match[0].length, kind, text: match[0] });
  }
  return spans;
}

function validDni(match: RegExpExecArray): boolean {
  const digits = Number.parseInt((match[1] ?? '').replace(/\./g, ''), 10);
  return dniCheckLetter(digits) === (match[2] ?? '').toUpperCase();
}

function validNie(match: RegExpExecArray): boolean {
  const prefix = 'XYZ'.indexOf((match[1] ?? '').toUpperCase());
  const digits = Number.parseInt(`${prefix}${match[2] ?? ''}`, 10);
  return dniCheckLetter(digits) === (match[3] ?? '').toUpperCase();
}

/** Up to three capitalised words after the introduction ("María", "Juan Pérez", "Ana de la Fuente Ruiz"). */
function namesAfterIntroductions(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const intro of text.matchAll(NAME_INTRO)) {
    const from = intro.index + intro[0].length;
    const words = /[\p{L}'’-]+|\s+/gu;
    words.lastIndex = from;
    let end = from;
    let count = 0;
    let pendingEnd = from;
    for (let token = words.exec(text); token && token.index === pendingEnd; token = words.exec(text)) {
      pendingEnd = token.index + token[0].length;
      if (/^\s+$/u.test(token[0])) {
        if (token[0].includes('\n')) break;
        continue;
      }
      if (count === 0 && NOT_NAMES.has(token[0].toLocaleLowerCase('es'))) break;
      if (CAPITALISED.test(token[0])) {
        count += 1;
        end = pendingEnd;
        if (count === 3) break;
      } else if (count > 0 && NAME_PARTICLES.has(token[0])) {
        continue;
      } else {
        break;
      }
    }
    if (count > 0) spans.push({ start: from, end, kind: 'name', text: text.slice(from, end) });
  }
  return spans;
}

/** Spans of likely personal data, in text order, without overlaps (the longer match wins). */
export function detectPersonalData(text: string): PersonalDataSpan[] {
  const found = [
    ...collect(text, EMAIL, 'email'),
    ...collect(text, DNI, 'dni', validDni),
    ...collect(text, NIE, 'nie', validNie),
    ...collect(text, PHONE, 'phone'),
    ...collect(text, PLATE_CURRENT, 'plate'),
    ...collect(text, PLATE_OLD, 'plate'),
    ...namesAfterIntroductions(text),
  ];
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: PersonalDataSpan[] = [];
  for (const span of found) {
    const last = kept[kept.length - 1];
    if (last && span.start < last.end) {
      if (span.end - span.start > last.end - last.start) kept[kept.length - 1] = span;
      continue;
    }
    kept.push(span);
  }
  return kept;
}

const REPLACEMENTS: Record<'es' | 'en', Record<PersonalDataKind, string>> &
  Partial<Record<Locale, Record<PersonalDataKind, string>>> = {
  es: {
    dni: '[DNI oculto]',
    nie: '[NIE oculto]',
    phone: '[teléfono oculto]',
    email: '[correo oculto]',
    plate: '[matrícula oculta]',
    name: '[nombre oculto]',
  },
  en: {
    dni: '[ID number hidden]',
    nie: '[foreigner ID hidden]',
    phone: '[phone hidden]',
    email: '[email hidden]',
    plate: '[plate hidden]',
    name: '[name hidden]',
  },
  ca: {
    dni: '[DNI amagat]',
    nie: '[NIE amagat]',
    phone: '[telèfon amagat]',
    email: '[correu amagat]',
    plate: '[matrícula amagada]',
    name: '[nom amagat]',
  },
  gl: {
    dni: '[DNI oculto]',
    nie: '[NIE oculto]',
    phone: '[teléfono oculto]',
    email: '[correo oculto]',
    plate: '[matrícula oculta]',
    name: '[nome oculto]',
  },
};

/** The placeholder that replaces a span of this kind ("[teléfono oculto]"). */
export function redactionLabel(kind: PersonalDataKind, locale: Locale = 'es'): string {
  return (REPLACEMENTS[locale] ?? REPLACEMENTS.es)[kind];
}

/**
 * Replaces the given spans (typically from detectPersonalData, possibly a subset the moderator
 * chose) with placeholders in the report's language. Spans are applied from the end so earlier
 * offsets stay valid; overlapping or out-of-range spans are ignored rather than corrupting the text.
 */
export function redact(text: string, spans: readonly PersonalDataSpan[], locale: Locale = 'es'): string {
  const ordered = [...spans].sort((a, b) => b.start - a.start);
  let result = text;
  let limit = text.length;
  for (const span of ordered) {
    if (span.start < 0 || span.end > limit || span.start >= span.end) continue;
    result = result.slice(0, span.start) + redactionLabel(span.kind, locale) + result.slice(span.end);
    limit = span.start;
  }
  return result;
}
