// Module hooks for register-swc.mjs: `.ts` files are compiled with the same swc options as the API
// build (path aliases resolved, specifiers given their `.js` extension), and a relative `.js`
// specifier with no such file falls back to the `.ts` source beside it.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from '@swc/core';
import { swcOptions } from './swc-options.mjs';

const options = swcOptions();

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (context.parentURL && /^\.\.?\//.test(specifier) && specifier.endsWith('.js')) {
      const source = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
      if (existsSync(fileURLToPath(source))) return { url: source.href, shortCircuit: true };
    }
    throw error;
  }
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const { code } = await transform(await readFile(file, 'utf8'), { ...options, filename: file, sourceMaps: 'inline' });
  return { format: 'module', source: code, shortCircuit: true };
}
