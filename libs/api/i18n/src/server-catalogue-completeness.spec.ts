import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from '@formatjs/icu-messageformat-parser';
import { LOCALES } from '@plaza/shared/contracts';
import { catalogueProblems, unusedKeys } from '@plaza/shared/catalogue-checks';
import { readServerCatalogue, SERVER_MESSAGES_DIR } from './server-messages';

// The API's catalogues are held to the web apps' rules: every language has Spanish's keys with the
// same arguments, every message parses, keys are unique across namespaces and all used.
const reviewDir = path.resolve(import.meta.dirname, '../review');
const workspace = path.resolve(import.meta.dirname, '../../../..');

/** Keys a language may leave out (none today): `{ locale: ['namespace:key'] }`. */
const ALLOWED_MISSING: Record<string, readonly string[]> = {};

const spanish = readServerCatalogue('es');

describe('server message catalogues', () => {
  it('hold the same namespaces in every language', () => {
    for (const locale of LOCALES) {
      expect([locale, readdirSync(path.join(SERVER_MESSAGES_DIR, locale)).sort()]).toEqual([locale, readdirSync(path.join(SERVER_MESSAGES_DIR, 'es')).sort()]);
    }
  });

  it.each(LOCALES.filter((locale) => locale !== 'es'))('%s has every Spanish key with the same arguments', (locale) => {
    expect(catalogueProblems(spanish, readServerCatalogue(locale), ALLOWED_MISSING[locale])).toEqual([]);
  });

  it('parse as ICU MessageFormat in every language', () => {
    for (const locale of LOCALES) {
      for (const [namespace, messages] of Object.entries(readServerCatalogue(locale))) {
        for (const [key, message] of Object.entries(messages)) expect(() => parse(message)).not.toThrow(`${locale} ${namespace}:${key}`);
      }
    }
  });

  it('name each key in one namespace only', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [namespace, messages] of Object.entries(spanish)) {
      for (const key of Object.keys(messages)) {
        const earlier = seen.get(key);
        if (earlier) clashes.push(`${key} in ${earlier} and ${namespace}`);
        seen.set(key, namespace);
      }
    }
    expect(clashes).toEqual([]);
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
    const keys = Object.values(spanish).flatMap((messages) => Object.keys(messages));
    expect(unusedKeys(keys, [path.join(workspace, 'apps/api'), path.join(workspace, 'libs/api'), path.join(workspace, 'libs/shared')])).toEqual([]);
  });
});
