import {
  abbreviationAt,
  formatWallClock,
  isDaylightAt,
  offsetAt,
  offsetChanges,
  type WallClock,
} from './time-zone-rules.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far before the first time the zone's rules are looked at, for the observance then in force. */
const LOOK_BACK_DAYS = 400;

/** An offset as RFC 5545 §3.3.14 writes it: +0500, -0430 (+ seconds where a zone had them). */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const total = Math.round(Math.abs(minutes) * 60);
  const two = (n: number) => String(n).padStart(2, '0');
  const seconds = total % 60;
  return `${sign}${two(Math.floor(total / 3600))}${two(Math.floor(total / 60) % 60)}${seconds ? two(seconds) : ''}`;
}

/** The local time at `at` on a clock set to `offset` (not the zone's: the onset is read in the old offset). */
function clockAtOffset(at: Date, offset: number): WallClock {
  const d = new Date(at.getTime() + offset * MINUTE);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

function observance(zone: string, at: Date, from: number, to: number): string[] {
  const kind = isDaylightAt(zone, at) ? 'DAYLIGHT' : 'STANDARD';
  return [
    `BEGIN:${kind}`,
    `DTSTART:${formatWallClock(clockAtOffset(at, from))}`,
    `TZOFFSETFROM:${formatUtcOffset(from)}`,
    `TZOFFSETTO:${formatUtcOffset(to)}`,
    `TZNAME:${abbreviationAt(zone, at)}`,
    `END:${kind}`,
  ];
}

/**
 * A VTIMEZONE component (RFC 5545 §3.6.5) for an IANA zone that covers [from, to]: the
 * observance in force at `from`, with the onset at which it began (or, when the zone did not
 * change for LOOK_BACK_DAYS before, the start of that span), and one observance for every change
 * of offset up to `to`. Each is a single onset (no RRULE): the rules are the platform's, as they
 * apply to these dates, not a guess at how they will repeat.
 */
export function vtimezone(zone: string, from: Date, to: Date): string {
  const lookBack = new Date(Math.floor(from.getTime() / DAY - LOOK_BACK_DAYS) * DAY);
  const changes = offsetChanges(zone, lookBack, to);
  const before = changes.filter((c) => c.at.getTime() <= from.getTime());
  const during = changes.filter((c) => c.at.getTime() > from.getTime());
  const inForce = before.at(-1);
  const first = inForce
    ? observance(zone, inForce.at, inForce.from, inForce.to)
    : observance(zone, lookBack, offsetAt(zone, lookBack), offsetAt(zone, lookBack));
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    ...first,
    ...during.flatMap((c) => observance(zone, c.at, c.from, c.to)),
    'END:VTIMEZONE',
  ].join('\r\n');
}
