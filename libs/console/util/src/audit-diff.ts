/** One changed leaf between an audit entry's before and after states. */
export interface AuditChange {
  /** Dotted path (`name.es`, `roles`); empty for a scalar state. */
  path: string;
  before: string | null;
  after: string | null;
}

/**
 * What changed, leaf by leaf, so an admin reads "name.es: Limpieza → Limpieza Viaria" instead of
 * two JSON blobs. Arrays are compared whole (a role list reads better as one value).
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const left = flatten(before);
  const right = flatten(after);
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  const changes: AuditChange[] = [];
  for (const path of paths) {
    const was = left.get(path) ?? null;
    const now = right.get(path) ?? null;
    if (was !== now) changes.push({ path, before: was, after: now });
  }
  return changes;
}

function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (value === null || value === undefined) return out;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, '{}');
    for (const [key, child] of entries) flatten(child, prefix ? `${prefix}.${key}` : key, out);
    return out;
  }
  out.set(prefix, display(value));
  return out;
}

function display(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ');
  return JSON.stringify(value);
}
