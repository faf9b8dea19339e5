import type { CheckInTimelineView } from '@plenary/contracts';

/** The interval lengths a timeline may take, shortest first (minutes). */
export const BUCKET_MINUTES = [1, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440] as const;

/** At most this many intervals, unless the check-ins span more than that many days. */
export const MAX_BUCKETS = 48;

const MINUTE = 60_000;

export interface CheckInTime {
  at: Date;
  count: number;
}

const isTimeZone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
};

/** How far the zone's clocks are ahead of UTC at that instant, in minutes (Asia/Kabul: 270). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((local - Math.floor(at.getTime() / MINUTE) * MINUTE) / MINUTE);
}

/**
 * The start of the interval holding `at`, counted on the meeting's clock: intervals of an hour
 * start on the hour there (at :30 UTC in Kabul), intervals of a day at its midnight.
 */
function intervalStart(at: number, minutes: number, offset: number): number {
  const local = Math.floor(at / MINUTE) + offset;
  return (Math.floor(local / minutes) * minutes - offset) * MINUTE;
}

/**
 * Check-ins counted in consecutive intervals, from the first to the last, empty ones included:
 * the shortest interval that keeps them within MAX_BUCKETS. The intervals are aligned in the
 * meeting's time zone at the first check-in and keep their length after, so across a change of
 * the clocks (summer time) they stay an hour long and start an hour off the local hour.
 */
export function checkInTimeline(times: readonly CheckInTime[], timeZone: string): CheckInTimelineView {
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  if (times.length === 0) return { bucketMinutes: BUCKET_MINUTES[0], timeZone: zone, buckets: [] };
  const instants = times.map((t) => t.at.getTime());
  // reduce, not Math.min(...): a large meeting's thousands of arguments would overflow the stack.
  const first = instants.reduce((a, b) => Math.min(a, b));
  const last = instants.reduce((a, b) => Math.max(a, b));
  const offset = zoneOffsetMinutes(new Date(first), zone);
  let minutes: number = BUCKET_MINUTES[BUCKET_MINUTES.length - 1];
  for (const candidate of BUCKET_MINUTES) {
    const count = Math.floor((last - intervalStart(first, candidate, offset)) / (candidate * MINUTE)) + 1;
    if (count <= MAX_BUCKETS) {
      minutes = candidate;
      break;
    }
  }
  const start = intervalStart(first, minutes, offset);
  const length = minutes * MINUTE;
  const counts = new Array<number>(Math.floor((last - start) / length) + 1).fill(0);
  times.forEach((t, i) => (counts[Math.floor((instants[i] - start) / length)] += t.count));
  return {
    bucketMinutes: minutes,
    timeZone: zone,
    buckets: counts.map((count, i) => ({ startsAt: new Date(start + i * length).toISOString(), count })),
  };
}
