/**
 * `SET a = $2, b = $3` for the fields a PATCH actually carries (undefined ones are left alone).
 * Column names come from code, never from the request.
 */
export function setClause(
  columns: Record<string, unknown>,
  firstParam: number,
): { sql: string; params: unknown[] } {
  const entries = Object.entries(columns).filter(([, value]) => value !== undefined);
  return {
    sql: entries.map(([column], index) => `${column} = $${firstParam + index}`).join(', '),
    params: entries.map(([, value]) => value),
  };
}
