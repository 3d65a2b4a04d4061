import { Readable } from 'node:stream';
import { HttpException, NotFoundException } from '@nestjs/common';
import busboy from '@fastify/busboy';
import { DomainError } from './domain-error';
import { localizedFieldError, toProblem } from './problem-mapping';

describe('toProblem', () => {
  const ctx = { requestId: 'req-1', instance: '/api/v1/reports' };

  it('maps domain errors by kind, with field errors', () => {
    const { problem, unexpected } = toProblem(
      DomainError.validation([{ field: 'title', code: 'required', message: 'title is required' }]),
      ctx,
    );
    expect(unexpected).toBe(false);
    expect(problem).toMatchObject({ status: 422, code: 'REQUEST.VALIDATION', requestId: 'req-1', errors: [{ field: 'title' }] });
    expect(problem.type).toBe('urn:plaza:problem:request-validation');
  });

  it('maps Fastify body errors to 4xx', () => {
    expect(toProblem(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE' }), ctx).problem.status).toBe(413);
    expect(toProblem(Object.assign(new Error('x'), { statusCode: 415 }), ctx).problem.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
    expect(toProblem(new NotFoundException(), ctx).problem.status).toBe(404);
  });

  it('hides the internals of unexpected errors', () => {
    const { problem, unexpected } = toProblem(new Error('relation "reports" does not exist'), ctx);
    expect(unexpected).toBe(true);
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('relation');
  });

  it('maps the router refusals and multipart bodies that busboy cannot read to 4xx problems', async () => {
    expect(toProblem(Object.assign(new Error('x'), { code: 'FST_ERR_MAX_PARAM_LENGTH' }), ctx).problem.status).toBe(414);
    expect(toProblem(Object.assign(new Error('x'), { code: 'FST_ERR_BAD_URL' }), ctx).problem.status).toBe(400);
    // The real messages of the busboy Plaza ships, so an upgrade that rewords them fails here.
    const failures: Error[] = [];
    for (const [contentType, body] of [
      ['multipart/form-data; boundary=zzz', 'no boundary here'],
      ['multipart/form-data; boundary=zzz', '--zzz\r\nContent-Disposition: form-data; name="a"; filename="a.jpg"\r\n\r\nxx'],
    ]) {
      failures.push(
        await new Promise<Error>((resolve) => {
          const parser = busboy({ headers: { 'content-type': contentType } });
          parser.on('error', resolve);
          parser.on('file', (_name: string, stream: Readable) => stream.on('error', resolve).resume());
          Readable.from([Buffer.from(body)]).pipe(parser);
        }),
      );
    }
    try {
      busboy({ headers: { 'content-type': 'multipart/form-data' } });
    } catch (error) {
      failures.push(error as Error);
    }
    expect(failures).toHaveLength(3);
    for (const failure of failures) {
      expect({ message: failure.message, ...toProblem(failure, ctx).problem }).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED_MULTIPART' });
    }
  });

  describe('in the reader\'s language', () => {
    const invalid = () =>
      DomainError.validation([
        { field: 'title', code: 'required', message: 'title should not be empty' },
        { field: 'title', code: 'too_long', message: 'title must be shorter than or equal to 120 characters' },
        { field: 'colour', code: 'unknown_field', message: 'property colour should not exist' },
        { field: 'photos[0]', code: 'not_a_photo', message: 'This file is not a usable photo.' },
      ]);

    it('writes title, detail and field messages from the catalogues, keeping type, code and fields', () => {
      const basque = toProblem(invalid(), { ...ctx, locale: 'eu' }).problem;
      const galician = toProblem(invalid(), { ...ctx, locale: 'gl' }).problem;
      const catalan = toProblem(invalid(), { ...ctx, locale: 'ca' }).problem;
      expect(basque).toMatchObject({ title: 'Datu baliogabeak', detail: 'Eremu batzuk ez dira baliozkoak.' });
      expect(galician).toMatchObject({ title: 'Datos non válidos', detail: 'Algúns campos non son válidos.' });
      expect(catalan.errors?.map((e) => e.message)).toEqual([
        'Aquest camp és obligatori.',
        'Com a màxim 120 caràcters.',
        'Aquest camp no s’admet.',
        // A code the catalogues do not know keeps the thrower's own sentence.
        'This file is not a usable photo.',
      ]);
      const machine = (p: typeof basque) => ({ type: p.type, code: p.code, status: p.status, errors: p.errors?.map(({ field, code }) => ({ field, code })) });
      expect(machine(basque)).toEqual(machine(galician));
      expect(machine(basque)).toEqual(machine(toProblem(invalid(), ctx).problem));
    });

    it('stays English, with the original field messages, when there is no request to read a language from', () => {
      const problem = toProblem(invalid(), ctx).problem;
      expect(problem).toMatchObject({ title: 'Unprocessable Content', detail: 'Some fields are not valid.' });
      expect(problem.errors?.[0]?.message).toBe('title should not be empty');
    });

    it('says when to retry a 429 and what a 428 needs', () => {
      class Limited extends DomainError {
        constructor(seconds: number) {
          super('AUTH.TOO_MANY_ATTEMPTS', 'rate_limited', 'Too many attempts.', [], { key: 'problem.detail.tooManyAttempts', values: { seconds } });
        }
      }
      expect(toProblem(new Limited(1), { locale: 'gl' }).problem).toMatchObject({
        status: 429,
        code: 'AUTH.TOO_MANY_ATTEMPTS',
        title: 'Demasiadas solicitudes',
        detail: 'Demasiados intentos. Téntao de novo dentro de 1 segundo.',
      });
      expect(toProblem(new Limited(30), { locale: 'ca' }).problem.detail).toBe('Massa intents. Torna-ho a provar d’aquí a 30 segons.');
      const challenge = new DomainError('ABUSE.CHALLENGE_REQUIRED', 'precondition_required', 'Solve it.', [], {
        key: 'problem.detail.challengeRequired',
        values: { reason: 'missing' },
      });
      expect(toProblem(challenge, { locale: 'eu' }).problem).toMatchObject({ status: 428, title: 'Aurrebaldintza bat falta da', detail: expect.stringMatching(/^Eskaera asko iritsi dira/) });
    });

    it('localises the framework\'s own refusals, also when Nest wraps them', () => {
      const invalidJson = Object.assign(new Error("Body is not valid JSON but content-type is set to 'application/json'"), {
        code: 'FST_ERR_CTP_INVALID_JSON_BODY',
        name: 'FastifyError',
        statusCode: 400,
      });
      const wrapped = new HttpException(invalidJson.message, 400, { cause: invalidJson });
      for (const error of [invalidJson, wrapped]) {
        expect(toProblem(error, { locale: 'eu' }).problem).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED', detail: 'Gorputza ez da baliozko JSON bat.' });
      }
      expect(toProblem(new NotFoundException(), { locale: 'ca' }).problem).toMatchObject({ title: 'No s’ha trobat', detail: 'Aquest recurs no existeix.' });
    });

    it('falls back to the English sentence when a thrower left out a value its message needs', () => {
      const error = new DomainError('FEED.UNKNOWN_AREA', 'not_found', 'There is no area "99".', [], { key: 'problem.detail.feedArea' });
      expect(toProblem(error, { locale: 'gl' }).problem.detail).toBe('There is no area "99".');
    });

    it('keeps a length rule whose limit it cannot read as it was written', () => {
      const custom = { field: 'body', code: 'too_long', message: 'Write less.' };
      expect(localizedFieldError('eu', custom)).toEqual(custom);
      expect(localizedFieldError('eu', { field: 'n', code: 'too_small', message: 'n must not be less than 1' }).message).toBe('Ezin da 1 baino txikiagoa izan.');
    });
  });
});
