import { DomainError } from '@plaza/api/http';

/** An optional integer query parameter within bounds; 400 naming the parameter otherwise. */
export function intParam(
  query: Record<string, unknown>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = query[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw DomainError.invalidQuery(name, `${name} must be an integer between ${min} and ${max}`);
  }
  return value;
}

export function textParam(query: Record<string, unknown>, name: string, maxLength = 200): string | null {
  const raw = query[name];
  return typeof raw === 'string' && raw.trim() ? raw.trim().slice(0, maxLength) : null;
}
