import { findInvalidText, hasInvalidCodePoint, jsonNestingExceeds, multipartBoundaryOf } from './input-hygiene';

describe('jsonNestingExceeds', () => {
  const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

  it('allows 32 levels and refuses 33, objects and arrays alike', () => {
    expect(jsonNestingExceeds(nested(32), 32)).toBe(false);
    expect(jsonNestingExceeds(nested(33), 32)).toBe(true);
    expect(jsonNestingExceeds(`${'['.repeat(33)}${']'.repeat(33)}`, 32)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestingExceeds(JSON.stringify({ text: '{'.repeat(100) + '\\"[[[[' }), 32)).toBe(false);
    expect(jsonNestingExceeds(Buffer.from(JSON.stringify({ a: 'ñ{😀[', b: [[1]] })), 2)).toBe(true);
  });

  it('refuses a body-limit-sized body of brackets (which JSON.parse takes seconds over)', () => {
    expect(jsonNestingExceeds(Buffer.alloc(1024 * 1024, '['), 32)).toBe(true);
  });
});

describe('invalid code points', () => {
  it('refuses NUL, C0 controls and lone surrogates; keeps tab, newlines, emoji and accents', () => {
    for (const bad of ['\u0000', 'a\u0001', '\u0008', '\u000b', '\u000c', '\u001f', '\ud800', 'x\udc00y', '\ud83d']) {
      expect(hasInvalidCodePoint(bad)).toBe(true);
    }
    for (const good of ['\t', 'a\nb\r\n', '😀', 'Calle Álava, nº 3', '\u007f', '\u2028']) {
      expect(hasInvalidCodePoint(good)).toBe(false);
    }
  });

  it('names the first offending field by its path, keys included', () => {
    expect(findInvalidText({ title: 'ok', reporter: { name: 'Ana\u0000' } })).toBe('reporter.name');
    expect(findInvalidText({ photos: ['ok', 'x\ud800'] })).toBe('photos[1]');
    expect(findInvalidText({ ['bad\u0000key']: 'x' })).toBe('bad\uFFFDkey');
    expect(findInvalidText({ q: ['a', 'b'] })).toBeNull();
    expect(findInvalidText(null)).toBeNull();
    expect(findInvalidText({ a: [{ b: 'ok' }, { b: 'x\u0001' }] })).toBe('a[1].b');
    expect(findInvalidText([['ok', 'x\u0000']])).toBe('[0][1]');
    expect(findInvalidText({ a: { ['k\u0001']: 1 } })).toBe('a.k\uFFFD');
    expect(findInvalidText('x\u0000')).toBe('');
    expect(findInvalidText({ a: 1, b: true, c: null, d: [1, null, 'ok'] })).toBeNull();
  });
});

describe('multipartBoundaryOf', () => {
  it('accepts the boundaries browsers and fetch send, quoted or not', () => {
    expect(multipartBoundaryOf('multipart/form-data; boundary=----WebKitFormBoundaryAbC123')).toBe('----WebKitFormBoundaryAbC123');
    expect(multipartBoundaryOf('multipart/form-data; boundary="a b:c"')).toBe('a b:c');
  });

  it('refuses a missing, empty, over-long or badly formed boundary', () => {
    for (const header of [
      'multipart/form-data',
      'multipart/form-data; boundary=',
      `multipart/form-data; boundary=${'b'.repeat(71)}`,
      'multipart/form-data; boundary="ends with space "',
      'multipart/form-data; boundary=a\u0000b',
    ]) {
      expect(multipartBoundaryOf(header)).toBeNull();
    }
  });
});
