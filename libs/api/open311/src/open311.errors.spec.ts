import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { DomainError } from '@plaza/api/http';
import { problemToOpen311, toOpen311Error } from './open311.errors';

describe('Open311 errors', () => {
  it('turns Plaza field errors into one error per Open311 field, HTTP 400', () => {
    const { error } = toOpen311Error(
      DomainError.validation([
        { field: 'lon', code: 'invalid_longitude', message: 'lon must be a longitude' },
        { field: 'reporter.email', code: 'invalid_email', message: 'email must be an email' },
      ]),
    );
    expect(error.status).toBe(400);
    expect(error.errors).toEqual([
      { code: 'long', description: 'lon must be a longitude' },
      { code: 'email', description: 'email must be an email' },
    ]);
  });

  it('uses 404 for what does not exist, 403 for access, and hides unexpected errors', () => {
    expect(toOpen311Error(new NotFoundException()).error.status).toBe(404);
    expect(toOpen311Error(new ForbiddenException()).error.status).toBe(403);
    const hidden = toOpen311Error(new Error('relation "reports" does not exist'));
    expect(hidden.unexpected).toBe(true);
    expect(hidden.error.status).toBe(400);
    expect(JSON.stringify(hidden.error.errors)).not.toContain('relation');
  });

  it('rewrites problem documents Plaza wrote before a route ran', () => {
    expect(problemToOpen311({ status: 413, detail: 'The request body is too large.' }).errors).toEqual([
      { code: 400, description: 'The request body is too large.' },
    ]);
    expect(problemToOpen311({ status: 404, detail: 'Cannot GET /open311/v2/nope.xml' }).status).toBe(404);
    expect(problemToOpen311({ status: 500, detail: 'x' }).errors[0]?.description).toMatch(
      /General service error/,
    );
  });
});
