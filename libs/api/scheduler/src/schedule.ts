/** When a job runs: every `everyMs` (slots aligned on the epoch, so replicas share them), or once a day. */
export type Schedule = { everyMs: number } | { dailyAt: string };

/** One run of a job: its key (shared by every replica) and whether it is due now. */
export interface Slot {
  key: string;
  due: boolean;
}

const DAILY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The slot `now` falls in. Periodic: the start of the current period, as an ISO instant. Daily:
 * the city's local date, due once the local time reaches `dailyAt` (HH:MM in `timeZone`).
 */
export function slotAt(schedule: Schedule, now: Date, timeZone: string): Slot {
  if ('everyMs' in schedule) {
    const start = Math.floor(now.getTime() / schedule.everyMs) * schedule.everyMs;
    return { key: new Date(start).toISOString(), due: true };
  }
  const match = DAILY.exec(schedule.dailyAt);
  if (!match) throw new RangeError(`dailyAt must be HH:MM (got "${schedule.dailyAt}")`);
  const local = localClock(now, timeZone);
  const at = Number(match[1]) * 60 + Number(match[2]);
  return { key: local.date, due: local.minutes >= at };
}

/** Milliseconds until the next check: the next period's start, or the next minute for daily jobs. */
export function delayUntilNextCheck(schedule: Schedule, now: Date): number {
  const every = 'everyMs' in schedule ? schedule.everyMs : 60_000;
  return every - (now.getTime() % every);
}

/** The local date (YYYY-MM-DD) and minutes since local midnight of an instant in a time zone. */
export function localClock(now: Date, timeZone: string): { date: string; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}
