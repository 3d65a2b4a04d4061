import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

// What the catalogue-completeness tests of the web apps and of the API share: the checks
// translation platforms don't do for us.

/** `name:kind` for every argument of an ICU message, so `{count}` and `{count, plural, …}` are told apart. */
export function argumentsOf(message: string | MessageFormatElement[], into = new Set<string>()): Set<string> {
  const ast = typeof message === 'string' ? parse(message) : message;
  for (const element of ast) {
    if (element.type !== TYPE.literal && element.type !== TYPE.pound && 'value' in element && typeof element.value === 'string') {
      into.add(`${element.value}:${TYPE[element.type]}`);
    }
    if ('options' in element) for (const option of Object.values(element.options)) argumentsOf(option.value, into);
  }
  return into;
}

/** Every non-test TypeScript source under `dir`, skipping builds, data and message folders. */
export function sourceFiles(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'messages', '.data'].includes(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, found);
    else if (/\.tsx?$/.test(entry.name) && !/\.(spec|int-spec|e2e-spec)\.tsx?$/.test(entry.name)) found.push(full);
  }
  return found;
}

/**
 * Keys no source names. A key counts as used when the code names it in quotes, or names its
 * prefix in a template (`` `status.${…}` ``).
 */
export function unusedKeys(keys: readonly string[], sourceDirs: readonly string[]): string[] {
  const code = sourceDirs
    .flatMap((dir) => sourceFiles(dir))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  const prefixes = [...code.matchAll(/`([\w.-]+\.)\$\{/g)].map((match) => match[1] as string);
  return keys.filter(
    (key) =>
      !code.includes(`'${key}'`) && !code.includes(`"${key}"`) && !code.includes(`\`${key}\``) && !prefixes.some((prefix) => key.startsWith(prefix)),
  );
}

/**
 * Differences between a language's catalogue and the Spanish reference: missing keys (unless
 * allowed), unknown keys, and messages whose arguments differ.
 */
export function catalogueProblems(
  reference: Record<string, Record<string, string>>,
  catalogue: Record<string, Record<string, string>>,
  allowedMissing: readonly string[] = [],
): string[] {
  const problems: string[] = [];
  for (const [namespace, messages] of Object.entries(reference)) {
    const translated = catalogue[namespace] ?? {};
    for (const [key, message] of Object.entries(messages)) {
      const id = `${namespace}:${key}`;
      const translation = translated[key];
      if (translation === undefined) {
        if (!allowedMissing.includes(id)) problems.push(`missing ${id}`);
        continue;
      }
      const expected = [...argumentsOf(message)].sort().join();
      const actual = [...argumentsOf(translation)].sort().join();
      if (expected !== actual) problems.push(`${id}: arguments ${actual} ≠ ${expected}`);
    }
    for (const key of Object.keys(translated)) if (!(key in messages)) problems.push(`unknown ${namespace}:${key}`);
  }
  for (const namespace of Object.keys(catalogue)) if (!(namespace in reference)) problems.push(`unknown namespace ${namespace}`);
  return problems;
}
