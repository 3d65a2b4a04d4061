// Single-key shortcuts for the inbox and the case view. They must never steal a keystroke meant for
// a text field, a select, a button's own keys or a dialog, and never act with a modifier held
// (Ctrl+R reloads, Cmd+A selects all) — WCAG 2.1.4 Character Key Shortcuts.

export const INBOX_SHORTCUTS = ['j', 'k', 'Enter', 'x', 'a', 'p', 'h', '?'] as const;
export const CASE_SHORTCUTS = ['a', 'p', 'h', 'r', 'n', '?'] as const;
export type ShortcutKey = (typeof INBOX_SHORTCUTS)[number] | (typeof CASE_SHORTCUTS)[number];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Set while an IME composes a character. */
  isComposing?: boolean;
  defaultPrevented?: boolean;
}

export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
  closest?(selector: string): unknown;
}

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'month', 'time', 'week']);

/** True when the key press belongs to what has focus: typing, choosing, or a dialog. */
export function isTypingTarget(target: TargetLike | null | undefined): boolean {
  if (!target) return false;
  const tag = target.tagName?.toUpperCase() ?? '';
  if (target.isContentEditable) return true;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has((target.type ?? '').toLowerCase());
  return Boolean(target.closest?.('dialog[open], [role="dialog"], [role="listbox"], [role="menu"]'));
}

/**
 * The shortcut a key press means, or null. Enter only counts when no link or button has focus
 * (there it already activates the control).
 */
export function shortcutFor(event: KeyLike, target: TargetLike | null | undefined, allowed: readonly string[]): ShortcutKey | null {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(target)) return null;
  const key = event.key === '?' || event.key === 'Enter' ? event.key : event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (event.key.length === 1 && event.key !== event.key.toLowerCase() && event.key !== '?') return null; // Shift+J is not j
  if (key === 'Enter') {
    const tag = target?.tagName?.toUpperCase() ?? '';
    if (tag === 'A' || tag === 'BUTTON' || tag === 'INPUT' || tag === 'SUMMARY') return null;
  }
  return allowed.includes(key) ? (key as ShortcutKey) : null;
}

/** The next index when moving through `length` rows; stays within bounds, starts at the ends. */
export function moveIndex(current: number, delta: 1 | -1, length: number): number {
  if (length === 0) return -1;
  if (current < 0) return delta > 0 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, current + delta));
}
