import { NotFoundException } from '@nestjs/common';
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
});
