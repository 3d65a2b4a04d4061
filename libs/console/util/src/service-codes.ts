/** The service-code mapping as the admin types it: one `category = SERVICE_CODE` per line. */
export function formatServiceCodes(codes: Record<string, string>): string {
  return Object.entries(codes)
    .map(([category, code]) => `${category} = ${code}`)
    .join('\n');
}

/** Blank lines are skipped; a line without "=" or with an empty side makes the whole text invalid. */
export function parseServiceCodes(text: string): { ok: true; value: Record<string, string> } | { ok: false } {
  const value: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const at = line.indexOf('=');
    const category = at < 0 ? '' : line.slice(0, at).trim();
    const code = at < 0 ? '' : line.slice(at + 1).trim();
    if (!category || !code) return { ok: false };
    value[category] = code;
  }
  return { ok: true, value };
}
