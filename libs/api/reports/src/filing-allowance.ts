import { ChallengeRequiredError, LimitUnits, TooManyAttemptsError, type PublicLimits } from '@plaza/api/abuse';

/**
 * One filing's account with the abuse limits (docs/security.md#abuse-limits).
 *
 * A retry of a report already filed (same Idempotency-Key, same caller) is not counted against
 * the limits nor asked for a proof of work again, so a client retrying after a lost answer never
 * locks itself out (issue 12). Asking the database whether the key holds a report before every
 * filing cost a round trip per request for the rare retry, so the question is asked only when it
 * changes the answer:
 *
 * - a limit refuses (428, 429): if the key holds a report, the refusal does not stand and what the
 *   request counted is given back;
 * - the filing finds its key holding a report (a replay, or another body: 422): what the request
 *   counted is given back (`keyHoldsReport`).
 *
 * The common case, a fresh key, counts as any filing and costs no extra query.
 */
export class FilingAllowance {
  private retry = false;
  private readonly units = new LimitUnits();

  constructor(
    private readonly limits: PublicLimits,
    /** Whether the request's key already holds a filed report of the same caller (one query). */
    private readonly isRetryOfFiledReport: () => Promise<boolean>,
  ) {}

  /** Counts one step of the limits (the gate, a per-address limit…) unless this is a retry. */
  async count(step: (limits: PublicLimits, units: LimitUnits) => Promise<void>): Promise<void> {
    if (this.retry) return;
    try {
      await step(this.limits, this.units);
    } catch (error) {
      if (!(error instanceof ChallengeRequiredError || error instanceof TooManyAttemptsError)) throw error;
      if (!(await this.isRetryOfFiledReport())) throw error;
      await this.keyHoldsReport();
    }
  }

  /** The key already holds a filed report: nothing this request counted stays counted, nor will. */
  async keyHoldsReport(): Promise<void> {
    this.retry = true;
    await this.limits.refund(this.units);
  }
}
