/**
 * SQL condition true for a report that exists for the city: not one still waiting for its
 * anonymous reporter to follow the confirmation link mailed to them. Every query that shows
 * reports to anyone — public pages, feeds, Open311, clusters, counts, the console — adds it, so a
 * report nobody has vouched for is seen by no one until confirmed, and expires unseen.
 */
export function filedReport(alias = 'r'): string {
  return `${alias}.confirmation_pending_since IS NULL`;
}
