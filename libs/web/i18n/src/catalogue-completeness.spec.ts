import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from '@formatjs/icu-messageformat-parser';
import { catalogueProblems, unusedKeys } from '@plaza/shared/catalogue-checks';
import { LOCALES, NAMESPACES } from './catalog';

// The check translation platforms don't do for us: every language has every key of the Spanish
// reference with the same arguments, every message parses as ICU, and every key is used somewhere.
const messagesDir = path.resolve(import.meta.dirname, '../messages');
const reviewDir = path.resolve(import.meta.dirname, '../review');
const workspace = path.resolve(import.meta.dirname, '../../../..');

/** Keys a language may leave out (none today): `{ locale: ['namespace:key'] }`. */
const ALLOWED_MISSING: Record<string, readonly string[]> = {};

function readCatalogue(locale: string, namespace: string): Record<string, string> {
  return JSON.parse(readFileSync(path.join(messagesDir, locale, `${namespace}.json`), 'utf8')) as Record<string, string>;
}

const spanish = Object.fromEntries(NAMESPACES.map((namespace) => [namespace, readCatalogue('es', namespace)]));

describe('message catalogues', () => {
  it('have exactly the namespaces the loader asks for', () => {
    for (const locale of LOCALES) {
      expect(readdirSync(path.join(messagesDir, locale)).sort()).toEqual(NAMESPACES.map((n) => `${n}.json`).sort());
    }
  });

  it.each(LOCALES.filter((locale) => locale !== 'es'))('%s has every Spanish key with the same arguments', (locale) => {
    const catalogue = Object.fromEntries(NAMESPACES.map((namespace) => [namespace, readCatalogue(locale, namespace)]));
    expect(catalogueProblems(spanish, catalogue, ALLOWED_MISSING[locale])).toEqual([]);
  });

  it('parse as ICU MessageFormat in Spanish', () => {
    for (const namespace of NAMESPACES) {
      for (const [key, message] of Object.entries(spanish[namespace] ?? {})) {
        expect(() => parse(message)).not.toThrow(`${namespace}:${key}`);
      }
    }
  });

  it('mark strings for native review only by keys that exist', () => {
    for (const file of readdirSync(reviewDir)) {
      const marks = JSON.parse(readFileSync(path.join(reviewDir, file), 'utf8')) as Record<string, string>;
      for (const id of Object.keys(marks)) {
        const [namespace, key] = id.split(/:(.*)/s);
        expect([file, id, key !== undefined && key in (spanish[namespace as string] ?? {})]).toEqual([file, id, true]);
      }
    }
  });

  it('hold no unused keys', () => {
    const keys = NAMESPACES.flatMap((namespace) => Object.keys(spanish[namespace] ?? {}));
    expect(unusedKeys(keys, [path.join(workspace, 'apps'), path.join(workspace, 'libs')])).toEqual([]);
  });
});
