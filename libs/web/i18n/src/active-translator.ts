import type { TranslationKey, MessageParams } from './catalog';
import type { Translator } from './translator';

// Code outside React (form-error helpers, alerts) translates in the language the page shows now.
let active: Translator | null = null;

export function activateTranslator(translator: Translator): void {
  active = translator;
}

/** Translate outside React in the page's current language; the key itself until a catalogue has loaded. */
export function t(key: TranslationKey, params?: MessageParams): string {
  return active ? active.t(key, params) : key;
}
