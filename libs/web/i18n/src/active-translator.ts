import type { TranslationKey, MessageParams } from './catalog';
import type { Translator } from './translator';

// Code outside React (form-error helpers, alerts) translates in the language the page shows now.
let active: Translator | null = null;

/** Makes `translator` the one `t()` uses, at once (before any child effect runs); returns it. */
export function activateTranslator(translator: Translator): Translator {
  active = translator;
  return translator;
}

/** Translate outside React in the page's current language; the key itself until a catalogue has loaded. */
export function t(key: TranslationKey, params?: MessageParams): string {
  return active ? active.t(key, params) : key;
}
