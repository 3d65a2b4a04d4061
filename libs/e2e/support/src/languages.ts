// What the language checks of both apps' browser tests compare a page against: the catalogues.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { workspaceRoot } from './plaza-server';

/** The language switch offers every language in its own name, in this order. */
export const ENDONYMS = ['Español', 'English', 'Català', 'Euskara', 'Galego'];

const messagesDir = path.join(workspaceRoot, 'libs/web/i18n/messages');

/** Every message of a language without arguments: the plain words a page could show. */
export function catalogueTexts(locale: string): Set<string> {
  const texts = new Set<string>();
  for (const file of readdirSync(path.join(messagesDir, locale))) {
    const messages = JSON.parse(readFileSync(path.join(messagesDir, locale, file), 'utf8')) as Record<string, string>;
    for (const message of Object.values(messages)) if (!message.includes('{')) texts.add(message.trim());
  }
  return texts;
}

/** Visible text of the elements a person scans a page by (headings, buttons, labels, links…). */
export function landmarkTexts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .filter((element) => (element as HTMLElement).offsetParent !== null)
      .map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter(Boolean),
  );
}

/**
 * Spanish left on a page in another language: texts that are Spanish messages but not messages of
 * that language (words both languages share, like "Plaza", are not leaks), minus known data.
 */
export async function spanishLeftOn(page: Page, locale: string, selector: string, data: ReadonlySet<string> = new Set()): Promise<string[]> {
  const spanish = catalogueTexts('es');
  const own = catalogueTexts(locale);
  return (await landmarkTexts(page, selector)).filter(
    (text) => spanish.has(text) && !own.has(text) && !ENDONYMS.includes(text) && !data.has(text),
  );
}
