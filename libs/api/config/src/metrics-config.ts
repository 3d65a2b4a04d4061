type Env = Record<string, string | undefined>;

/** The Prometheus endpoint `/metrics` (docs/operations.md#metrics). */
export interface MetricsSettings {
  /** Serve `/metrics` at all (METRICS, default on). */
  enabled: boolean;
  /**
   * Bearer token a scraper must send (METRICS_TOKEN). Unset: `/metrics` answers anyone who reaches
   * it, so the reverse proxy must keep it off the public internet (infra/compose does).
   */
  token: string | null;
}

export function readMetricsSettings(env: Env, problems: string[]): { metrics: MetricsSettings } {
  const enabledRaw = env['METRICS']?.trim().toLowerCase() || 'on';
  if (!['on', 'off', 'true', 'false'].includes(enabledRaw)) {
    problems.push(`METRICS must be on or off (got "${enabledRaw}")`);
  }
  const token = env['METRICS_TOKEN']?.trim() || null;
  if (token !== null && token.length < 16) {
    problems.push('METRICS_TOKEN must be at least 16 characters');
  }
  return { metrics: { enabled: enabledRaw === 'on' || enabledRaw === 'true', token } };
}
