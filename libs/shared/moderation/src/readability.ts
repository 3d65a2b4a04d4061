/**
 * Plain-language readability for Spanish: a syllable counter that follows Spanish rules (diphthongs,
 * hiatus with accented í/ú, silent u in que/qui/gue/gui, y as a vowel at the end of a syllable) and
 * the Szigriszt-Pazos perspicuity index read on the INFLESZ scale (Barrio-Cantalejo et al., 2008),
 * the one Spanish public administrations use for plain-language guidance.
 */

const STRONG = new Set(['a', 'e', 'o', 'á', 'é', 'ó']);
const ACCENTED_WEAK = new Set(['í', 'ú']);
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'á', 'é', 'í', 'ó', 'ú', 'ü']);

/** Syllables in one Spanish word (letters only; a word with letters but no vowel counts as one). */
export function countSyllables(word: string): number {
  let w = word.toLowerCase().normalize('NFC').replace(/[^a-záéíóúüñ]/g, '');
  if (!w) return 0;
  // The u of que/qui/gue/gui is written but not pronounced (güe/güi keep it, with a diaeresis).
  w = w.replace(/([qg])u(?=[eiéí])/g, '$1');
  // y is a vowel (i) when no vowel follows it: "hoy", "muy", "y", "reyes" keeps the consonant.
  w = w.replace(/y(?![aeiouáéíóú])/g, 'i');
  let syllables = 0;
  let previous = '';
  for (const letter of w) {
    if (!VOWELS.has(letter)) {
      previous = '';
      continue;
    }
    const hiatus = previous !== '' && ((STRONG.has(previous) && STRONG.has(letter)) || ACCENTED_WEAK.has(previous) || ACCENTED_WEAK.has(letter));
    if (previous === '' || hiatus) syllables += 1;
    previous = letter;
  }
  return Math.max(1, syllables);
}

export interface TextStats {
  words: number;
  sentences: number;
  syllables: number;
}

/** Words, sentences (ended by . ! ? … or a line break) and syllables of a text. */
export function textStats(text: string): TextStats {
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const sentences = text
    .split(/[.!?…]+(?=\s|$)|\n+/u)
    .filter((part) => /\p{L}/u.test(part)).length;
  const syllables = words.reduce((sum, word) => sum + countSyllables(word), 0);
  return { words: words.length, sentences: Math.max(1, sentences), syllables };
}

export type InfleszBand = 'very_difficult' | 'somewhat_difficult' | 'normal' | 'quite_easy' | 'very_easy';

export interface Readability extends TextStats {
  /** Szigriszt-Pazos perspicuity: 206.835 − 62.3 · syllables/words − words/sentences. */
  score: number;
  band: InfleszBand;
}

/** INFLESZ bands: <40 very difficult, 40–55 somewhat difficult, 55–65 normal, 65–80 quite easy, ≥80 very easy. */
export function infleszBand(score: number): InfleszBand {
  if (score < 40) return 'very_difficult';
  if (score < 55) return 'somewhat_difficult';
  if (score < 65) return 'normal';
  if (score < 80) return 'quite_easy';
  return 'very_easy';
}

/** Readability of a Spanish text, or null when it has no words to judge. */
export function spanishReadability(text: string): Readability | null {
  const stats = textStats(text);
  if (stats.words === 0) return null;
  const score = 206.835 - 62.3 * (stats.syllables / stats.words) - stats.words / stats.sentences;
  const rounded = Math.round(score * 10) / 10;
  return { ...stats, score: rounded, band: infleszBand(rounded) };
}
