import { toProblem } from '@plaza/api/http';
import { ChallengeRequiredError, TooManyAttemptsError } from './abuse.errors';

describe('abuse problems in the reader\'s language', () => {
  it('says when to come back after a 429, with the wait it also sends as Retry-After', () => {
    const limited = new TooManyAttemptsError(42, 'Too many reports from here in the last hour. Try again later.');
    expect(toProblem(limited, { locale: 'eu' }).problem).toMatchObject({
      status: 429,
      code: 'AUTH.TOO_MANY_ATTEMPTS',
      detail: 'Saiakera gehiegi. Saiatu berriro 42 segundo barru.',
    });
    expect(toProblem(limited, { locale: 'es' }).problem.detail).toBe('Demasiados intentos. Vuelve a intentarlo dentro de 42 segundos.');
  });

  it('tells a missing challenge from a spent one in a 428', () => {
    expect(toProblem(new ChallengeRequiredError('missing'), { locale: 'gl' }).problem).toMatchObject({
      status: 428,
      code: 'ABUSE.CHALLENGE_REQUIRED',
      title: 'Falta unha condición previa',
      detail: expect.stringMatching(/^Chegaron moitas solicitudes desde a túa conexión/),
    });
    expect(toProblem(new ChallengeRequiredError('invalid'), { locale: 'ca' }).problem.detail).toMatch(/^La capçalera Plaza-Challenge no porta una solució vàlida/);
  });
});
