import { describe, expect, it } from '@jest/globals';
import { firstName, safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it('keeps paths on this site, with their query and hash', () => {
    expect(safeNextPath('/reports/MAD-2026-000123')).toBe('/reports/MAD-2026-000123');
    expect(safeNextPath('/new?lang=en#contact')).toBe('/new?lang=en#contact');
  });

  it.each([
    '//evil.example/x',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/x\nSet-Cookie',
    '',
    null,
    undefined,
  ])('refuses %p', (next) => {
    expect(safeNextPath(next)).toBe('/');
  });

  it('does not loop back to the sign-in pages or jump into the console', () => {
    expect(safeNextPath('/signin?next=/new')).toBe('/');
    expect(safeNextPath('/signin/link?token=x')).toBe('/');
    expect(safeNextPath('/signup')).toBe('/');
    expect(safeNextPath('/console/admin')).toBe('/');
  });
});

describe('firstName', () => {
  it('is the first word of the name', () => {
    expect(firstName('  Lucía  Pérez Gil ')).toBe('Lucía');
    expect(firstName('Ana')).toBe('Ana');
  });
});
