import { describe, expect, it } from '@jest/globals';
import { publicPathOf } from './participation-api';

describe('publicPathOf', () => {
  it('links proposals by id and reports by ref, escaping what needs it', () => {
    expect(publicPathOf('proposal', '42')).toBe('/proposals/42');
    expect(publicPathOf('report', 'MAD-2026/07')).toBe('/reports/MAD-2026%2F07');
  });

  it('gives comments no link: the queue does not say which thread they belong to', () => {
    expect(publicPathOf('comment', '7')).toBeNull();
  });
});
