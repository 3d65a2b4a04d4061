import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import type { Messages } from './catalog';

// Pseudo-localisation: every message comes out accented, bracketed and ~40% longer, the way
// translations into Catalan, Basque or Galician often are. A page shown this way makes two bugs
// visible at a glance (and to a browser test): text that bypasses the catalogue (no brackets) and
// layouts that break when text grows.
const ACCENTED: Record<string, string> = {
  a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', n: 'ñ', c: 'ç', y: 'ý',
  A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', N: 'Ñ', C: 'Ç', Y: 'Ý',
};
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

function accent(text: string): string {
  return text.replace(/[aeiouncyAEIOUNCY]/g, (letter) => ACCENTED[letter] ?? letter);
}

function stretch(ast: MessageFormatElement[]): MessageFormatElement[] {
  return ast.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: accent(element.value) };
    if ('options' in element) {
      const options = Object.fromEntries(
        Object.entries(element.options).map(([name, option]) => [name, { ...option, value: stretch(option.value) }]),
      );
      return { ...element, options } as MessageFormatElement;
    }
    return element;
  });
}

/** One message, pseudo-localised; placeholders and plural syntax are kept intact. */
export function pseudoMessage(source: string): string {
  const literalLength = source.replace(/\{[^{}]*\}/g, '').length;
  const padding = '·'.repeat(Math.ceil(literalLength * 0.4));
  return `${PSEUDO_OPEN}${printAST(stretch(parse(source)))}${padding}${PSEUDO_CLOSE}`;
}

export function pseudoLocalise(messages: Messages): Messages {
  return Object.fromEntries(Object.entries(messages).map(([key, source]) => [key, pseudoMessage(source)])) as Messages;
}
