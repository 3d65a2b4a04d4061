type Env = Record<string, string | undefined>;

/** How the public statistics follow changes (docs/statistics.md, "Caching"). */
export interface StatsSettings {
  /**
   * STATS_REFRESH_SECONDS. 0 (the default): a view is recomputed on the first request after any
   * change, so the pages follow a write at once. N > 0: after a change, the view computed at most N
   * seconds ago is still served while the new one is computed once in the background — no visitor
   * waits for a recomputation, and a city filing reports every second recomputes each view at most
   * once per N seconds instead of on nearly every request.
   */
  refreshSeconds: number;
}

export function readStatsSettings(env: Env, problems: string[]): { stats: StatsSettings } {
  const raw = env['STATS_REFRESH_SECONDS']?.trim() || '0';
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 3600) {
    problems.push(`STATS_REFRESH_SECONDS must be a whole number of seconds from 0 to 3600 (got "${raw}")`);
  }
  return { stats: { refreshSeconds: Number.isInteger(value) && value >= 0 && value <= 3600 ? value : 0 } };
}
