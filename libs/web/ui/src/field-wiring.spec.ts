import { describe, expect, it } from '@jest/globals';
import { describedBy, errorId, hintId } from './field-wiring';

describe('describedBy', () => {
  it('points at the hint, then the error, and at nothing when there is neither', () => {
    expect(describedBy('email', {})).toBeUndefined();
    expect(describedBy('email', { hint: 'We never show it' })).toBe(hintId('email'));
    expect(describedBy('email', { error: 'Required' })).toBe(errorId('email'));
    expect(describedBy('email', { hint: 'h', error: 'e' })).toBe('email-hint email-error');
  });

  it('ignores an empty error so a cleared field is not announced as invalid', () => {
    expect(describedBy('email', { error: '' })).toBeUndefined();
    expect(describedBy('email', { error: null })).toBeUndefined();
  });
});
