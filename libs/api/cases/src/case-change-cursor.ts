/**
 * Where the live stream's poll has read up to, in change numbers (`reports.change_seq`).
 *
 * Numbers are taken when a transaction writes, but become visible when it commits, so the poll can
 * see 13 before 12. A missing number is a gap: a transaction still running (its change must not be
 * skipped), one rolled back, or a row changed again since (those numbers never appear). The cursor
 * stops before a gap until the gap is filled or is older than `gapTimeoutMs`; changes beyond it
 * are still announced at once (the stream drops what it re-reads). Nothing here reads a clock of
 * the database, so a row dated in the future changes nothing.
 */
export class CaseChangeCursor {
  /** Gaps seen in the last read, by their first missing number, with when each was first seen. */
  private readonly gaps = new Map<bigint, number>();

  constructor(
    private position: bigint,
    private readonly gapTimeoutMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  get value(): bigint {
    return this.position;
  }

  /**
   * Moves past `numbers` (what one read returned after the cursor, ascending) as far as no recent
   * gap forbids, and returns the new position.
   */
  advance(numbers: readonly bigint[]): bigint {
    const now = this.now();
    const seen = new Set<bigint>();
    let expected = this.position + 1n;
    let blocked = false;
    for (const number of numbers) {
      if (number > expected) {
        seen.add(expected);
        const firstSeen = this.gaps.get(expected) ?? now;
        this.gaps.set(expected, firstSeen);
        if (now - firstSeen < this.gapTimeoutMs) blocked = true;
      }
      if (!blocked) this.position = number;
      expected = number + 1n;
    }
    // A gap not met again was filled (or is behind the cursor now).
    for (const start of [...this.gaps.keys()]) if (!seen.has(start)) this.gaps.delete(start);
    return this.position;
  }
}
