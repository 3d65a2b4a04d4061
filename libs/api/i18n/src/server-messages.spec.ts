import { describe, expect, it } from '@jest/globals';
import { serverText, serverTranslator } from './server-messages';

describe('serverText', () => {
  it('writes a message in each language', () => {
    expect(serverText('es', 'mail.unsubscribe.link')).toBe('Darse de baja');
    expect(serverText('eu', 'mail.unsubscribe.link')).toBe('Harpidetza kendu');
    expect(serverTranslator('ca').t('mail.unsubscribe.link')).toBe('Donar-se de baixa');
  });

  it('refuses a key no catalogue holds, so a bare key never reaches a reader', () => {
    expect(() => serverText('es', 'no.such.key')).toThrow(/Unknown server message key/);
  });
});
