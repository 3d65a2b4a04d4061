import { DomainError } from '@plaza/api/http';

export const AdminErrors = {
  notFound: (entity: string) =>
    new DomainError(`${entity.toUpperCase()}.NOT_FOUND`, 'not_found', `No such ${entity}.`),
  codeTaken: (entity: string, code: string) =>
    new DomainError(
      `${entity.toUpperCase()}.CODE_TAKEN`,
      'conflict',
      `A ${entity} with code "${code}" already exists.`,
    ),
  field: (field: string, code: string, message: string) =>
    DomainError.validation([{ field, code, message }], message),
  inUse: (entity: string, message: string) =>
    new DomainError(`${entity.toUpperCase()}.IN_USE`, 'conflict', message),
  conflict: (code: string, message: string) => new DomainError(code, 'conflict', message),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that cannot be a uuid names nothing: 404, not a database type error. */
export function requireUuid(id: string, entity: string): string {
  if (!UUID.test(id)) throw AdminErrors.notFound(entity);
  return id.toLowerCase();
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Whether a database error is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}
