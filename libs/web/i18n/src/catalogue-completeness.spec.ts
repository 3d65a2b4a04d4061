import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
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

/** `name:kind` for every argument, so `{count}` and `{count, plural, …}` are told apart. */
function argumentsOf(ast: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of ast) {
    if (element.type !== TYPE.literal && element.type !== TYPE.pound && 'value' in element && typeof element.value === 'string') {
      into.add(`${element.value}:${TYPE[element.type]}`);
    }
    if ('options' in element) for (const option of Object.values(element.options)) argumentsOf(option.value, into);
  }
  return into;
}

function sourceFiles(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'messages', '.data'].includes(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, found);
    else if (/\.tsx?$/.test(entry.name) && !/\.(spec|int-spec|e2e-spec)\.tsx?$/.test(entry.name)) found.push(full);
  }
  return found;
}

const spanish = Object.fromEntries(NAMESPACES.map((namespace) => [namespace, readCatalogue('es', namespace)]));

describe('message catalogues', () => {
  it('have exactly the namespaces the loader asks for', () => {
    for (const locale of LOCALES) {
      expect(readdirSync(path.join(messagesDir, locale)).sort()).toEqual(NAMESPACES.map((n) => `${n}.json`).sort());
    }
  });

  it.each(LOCALES.filter((locale) => locale !== 'es'))('%s has every Spanish key with the same arguments', (locale) => {
    const problems: string[] = [];
    for (const namespace of NAMESPACES) {
      const catalogue = readCatalogue(locale, namespace);
      for (const [key, reference] of Object.entries(spanish[namespace] ?? {})) {
        const id = `${namespace}:${key}`;
        const message = catalogue[key];
        if (message === undefined) {
          if (!ALLOWED_MISSING[locale]?.includes(id)) problems.push(`missing ${id}`);
          continue;
        }
        const expected = [...argumentsOf(parse(reference))].sort();
        const actual = [...argumentsOf(parse(message))].sort();
        if (expected.join() !== actual.join()) problems.push(`${id}: arguments ${actual.join()} ≠ ${expected.join()}`);
      }
      for (const key of Object.keys(catalogue)) if (!(key in (spanish[namespace] ?? {}))) problems.push(`unknown ${namespace}:${key}`);
    }
    expect(problems).toEqual([]);
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
    // A key counts as used when the code names it, or names its prefix in a template (`status.${…}`).
    const code = ['apps', 'libs']
      .flatMap((dir) => sourceFiles(path.join(workspace, dir)))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const prefixes = [...code.matchAll(/`([\w.-]+\.)\$\{/g)].map((match) => match[1] as string);
    const unused = NAMESPACES.flatMap((namespace) =>
      Object.keys(spanish[namespace] ?? {}).filter(
        (key) => !code.includes(`'${key}'`) && !code.includes(`"${key}"`) && !code.includes(`\`${key}\``) && !prefixes.some((prefix) => key.startsWith(prefix)),
      ),
    );
    expect(unused).toEqual([]);
  });
});
