import { Readable } from 'node:stream';
import { NotFoundException } from '@nestjs/common';
import busboy from '@fastify/busboy';
import { DomainError } from './domain-error';
import { toProblem } from './problem-mapping';

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
});
