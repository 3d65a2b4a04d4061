import { CaseChangeCursor } from './case-change-cursor';

describe('CaseChangeCursor', () => {
  let clock = 0;
  const cursorAt = (position: number) => new CaseChangeCursor(BigInt(position), 30_000, () => clock);
  const advance = (cursor: CaseChangeCursor, numbers: number[]) => Number(cursor.advance(numbers.map(BigInt)));

  beforeEach(() => {
    clock = 1_000_000;
  });

  it('moves over consecutive numbers', () => {
    const cursor = cursorAt(10);
    expect(advance(cursor, [11, 12, 13])).toBe(13);
    expect(advance(cursor, [])).toBe(13);
  });

  it('waits before a gap, and moves once the late transaction commits', () => {
    const cursor = cursorAt(10);
    expect(advance(cursor, [11, 13, 14])).toBe(11); // 12 is still running
    clock += 2_000;
    expect(advance(cursor, [13, 14])).toBe(11);
    clock += 2_000;
    expect(advance(cursor, [12, 13, 14, 15])).toBe(15);
  });

  it('gives up on a gap that never fills (rolled back, or the row changed again)', () => {
    const cursor = cursorAt(10);
    expect(advance(cursor, [12])).toBe(10);
    clock += 29_999;
    expect(advance(cursor, [12])).toBe(10);
    clock += 1;
    expect(advance(cursor, [12, 13])).toBe(13);
  });

  it('times each gap from when it was first seen', () => {
    const cursor = cursorAt(0);
    expect(advance(cursor, [2])).toBe(0); // gap at 1
    clock += 20_000;
    expect(advance(cursor, [2, 4])).toBe(0); // gap at 1 (20 s old), gap at 3 (new)
    clock += 10_000;
    // The first gap expired, the second is 10 s old: stop before 3.
    expect(advance(cursor, [2, 4])).toBe(2);
    clock += 20_000;
    expect(advance(cursor, [4])).toBe(4);
  });

  it('handles numbers beyond 2^53', () => {
    const big = 2n ** 60n;
    const cursor = new CaseChangeCursor(big, 30_000, () => clock);
    expect(cursor.advance([big + 1n, big + 2n])).toBe(big + 2n);
  });
});
