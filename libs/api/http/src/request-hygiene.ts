import type { FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';
import {
  JSON_DEPTH_MAX,
  findInvalidText,
  invalidCharacterError,
  jsonNestingExceeds,
  multipartBoundaryOf,
} from './input-hygiene';

type Done = (error: Error | null, value?: unknown) => void;
/** Fastify's own JSON parser (secure-json-parse: prototype poisoning refused), as Nest's is. */
export type JsonParser = (request: FastifyRequest, body: string, done: Done) => void;

/**
 * The JSON body parser: refuses a body nested deeper than JSON_DEPTH_MAX with a 400 before it is
 * parsed (so neither JSON.parse nor class-transformer ever sees 10,000 levels), then hands over
 * to Fastify's parser.
 */
export function depthLimitedJsonParser(parse: JsonParser): (request: FastifyRequest, body: Buffer, done: Done) => void {
  return (request, body, done) => {
    if (jsonNestingExceeds(body, JSON_DEPTH_MAX)) {
      done(
        new DomainError(
          'REQUEST.TOO_DEEP',
          'invalid_request',
          `The JSON body is nested more than ${JSON_DEPTH_MAX} levels deep.`,
          [],
          { key: 'problem.detail.tooDeep', values: { max: JSON_DEPTH_MAX } },
        ),
      );
      return;
    }
    parse(request, body.toString('utf8'), done);
  };
}

/**
 * The input-hygiene gate, a `preValidation` hook on every route (before guards and handlers):
 * refuses NUL, other control characters and broken Unicode in path parameters (400), in the
 * query and in a JSON body (422, naming the field), and a multipart request without a usable
 * boundary (400). Text that passes can reach PostgreSQL, mail, CSV and XML safely.
 */
export async function refuseUnsafeInput(request: FastifyRequest): Promise<void> {
  const inPath = findInvalidText(request.params);
  if (inPath !== null) {
    throw new DomainError(
      'REQUEST.INVALID_PATH',
      'invalid_request',
      'The URL holds a character that is not allowed.',
      [invalidCharacterError(inPath)],
      { key: 'problem.detail.invalidPath' },
    );
  }
  const inQuery = findInvalidText(request.query);
  if (inQuery !== null) throw DomainError.validation([invalidCharacterError(inQuery)]);
  const inBody = findInvalidText(request.body);
  if (inBody !== null) throw DomainError.validation([invalidCharacterError(inBody)]);

  const contentType = request.headers['content-type'] ?? '';
  if (/^\s*multipart\//i.test(contentType) && multipartBoundaryOf(contentType) === null) {
    throw new DomainError(
      'REQUEST.MALFORMED_MULTIPART',
      'invalid_request',
      'The multipart Content-Type has no valid boundary.',
      [],
      { key: 'problem.detail.noBoundary' },
    );
  }
}
