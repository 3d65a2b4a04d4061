import type { FieldError } from '@plaza/shared/contracts';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { DomainError } from './domain-error';

/** class-validator constraint names → the stable codes Plaza documents. */
const CODE_BY_CONSTRAINT: Record<string, string> = {
  isDefined: 'required',
  isNotEmpty: 'required',
  isString: 'invalid_type',
  isNumber: 'invalid_type',
  isInt: 'invalid_type',
  isBoolean: 'invalid_type',
  isObject: 'invalid_type',
  nestedValidation: 'invalid_type',
  isEmail: 'invalid_email',
  maxLength: 'too_long',
  minLength: 'too_short',
  min: 'too_small',
  max: 'too_large',
  equals: 'must_accept',
  matches: 'invalid_format',
  isIn: 'not_allowed',
  isLatitude: 'invalid_latitude',
  isLongitude: 'invalid_longitude',
  whitelistValidation: 'unknown_field',
};

/**
 * Validates a plain object (parsed JSON or form fields) against a DTO class and returns the
 * typed instance, or throws a validation error listing every offending field.
 */
export function parseInput<T extends object>(dto: ClassConstructor<T>, input: unknown): T {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw DomainError.validation([{ field: '', code: 'invalid_type', message: 'The body must be a JSON object.' }]);
  }
  const instance = plainToInstance(dto, input, { enableImplicitConversion: false });
  // A field the DTO does not declare is refused (unknown_field), not silently dropped: a typo
  // in a client shows up at once instead of as a value that never arrives.
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) throw DomainError.validation(flattenErrors(errors));
  return instance;
}

export function flattenErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    // Report the most basic failure first: a missing field needs no length message.
    const ordered = constraints.sort(([a], [b]) => priority(a) - priority(b));
    const first = ordered[0];
    if (first) {
      const [constraint, message] = first;
      out.push({ field, code: CODE_BY_CONSTRAINT[constraint] ?? constraint, message });
    }
    if (error.children && error.children.length > 0) out.push(...flattenErrors(error.children, field));
  }
  return out;
}

function priority(constraint: string): number {
  if (constraint === 'isDefined' || constraint === 'isNotEmpty') return 0;
  if (constraint.startsWith('is') || constraint === 'nestedValidation') return 1;
  return 2;
}
