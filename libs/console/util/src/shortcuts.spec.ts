import { INBOX_SHORTCUTS, isTypingTarget, moveIndex, shortcutFor } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; isComposing: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, closest: () => null, ...extra });

describe('isTypingTarget', () => {
  it('treats text inputs, textareas, selects and editable content as typing', () => {
    expect(isTypingTarget(el('INPUT', { type: 'text' }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'search' }))).toBe(true);
    expect(isTypingTarget(el('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(el('SELECT'))).toBe(true);
    expect(isTypingTarget(el('DIV', { isContentEditable: true }))).toBe(true);
  });

  it('does not treat checkboxes, buttons or the page as typing', () => {
    expect(isTypingTarget(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(el('BUTTON'))).toBe(false);
    expect(isTypingTarget(el('BODY'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('treats anything inside an open dialog as its own', () => {
    expect(isTypingTarget({ tagName: 'BUTTON', closest: (s: string) => (s.includes('dialog[open]') ? {} : null) })).toBe(true);
  });
});

describe('shortcutFor', () => {
  it('maps plain keys to shortcuts', () => {
    expect(shortcutFor(key('j'), el('BODY'), INBOX_SHORTCUTS)).toBe('j');
    expect(shortcutFor(key('?'), el('BODY'), INBOX_SHORTCUTS)).toBe('?');
    expect(shortcutFor(key('Enter'), el('TR'), INBOX_SHORTCUTS)).toBe('Enter');
  });

  it('ignores keys with modifiers, while composing, and capitals', () => {
    expect(shortcutFor(key('a', { ctrlKey: true }), el('BODY'), INBOX_SHORTCUTS)).toBeNull();
    expect(shortcutFor(key('r', { metaKey: true }), el('BODY'), ['r'])).toBeNull();
    expect(shortcutFor(key('j', { altKey: true }), el('BODY'), INBOX_SHORTCUTS)).toBeNull();
    expect(shortcutFor(key('j', { isComposing: true }), el('BODY'), INBOX_SHORTCUTS)).toBeNull();
    expect(shortcutFor(key('J'), el('BODY'), INBOX_SHORTCUTS)).toBeNull();
  });

  it('never hijacks typing', () => {
    expect(shortcutFor(key('j'), el('INPUT', { type: 'search' }), INBOX_SHORTCUTS)).toBeNull();
    expect(shortcutFor(key('h'), el('TEXTAREA'), INBOX_SHORTCUTS)).toBeNull();
  });

  it('leaves Enter to links and buttons', () => {
    expect(shortcutFor(key('Enter'), el('A'), INBOX_SHORTCUTS)).toBeNull();
    expect(shortcutFor(key('Enter'), el('BUTTON'), INBOX_SHORTCUTS)).toBeNull();
  });

  it('ignores keys the page does not use', () => {
    expect(shortcutFor(key('r'), el('BODY'), INBOX_SHORTCUTS)).toBeNull();
    expect(shortcutFor(key('ArrowDown'), el('BODY'), INBOX_SHORTCUTS)).toBeNull();
  });
});

describe('moveIndex', () => {
  it('starts at the ends and stays in bounds', () => {
    expect(moveIndex(-1, 1, 3)).toBe(0);
    expect(moveIndex(-1, -1, 3)).toBe(2);
    expect(moveIndex(2, 1, 3)).toBe(2);
    expect(moveIndex(0, -1, 3)).toBe(0);
    expect(moveIndex(1, 1, 3)).toBe(2);
    expect(moveIndex(0, 1, 0)).toBe(-1);
  });
});
