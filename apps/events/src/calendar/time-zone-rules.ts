/**
 * A time zone's offsets and their changes, read from the platform's time zone data (Intl, which
 * Node takes from ICU's copy of the IANA database): no table of our own to fall out of date.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The moment a zone's offset changes: before it, `from`; from it on, `to` (minutes east of UTC). */
export interface OffsetChange {
  at: Date;
  from: number;
  to: number;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const wallFormats = new Map<string, Intl.DateTimeFormat>();

function cached(
  cache: Map<string, Intl.DateTimeFormat>,
  key: string,
  make: () => Intl.DateTimeFormat,
): Intl.DateTimeFormat {
  let format = cache.get(key);
  if (!format) cache.set(key, (format = make()));
  return format;
}

/** Minutes east of UTC in `zone` at `at` (e.g. 300 for Asia/Almaty since March 2024). */
export function offsetAt(zone: string, at: Date): number {
  const format = cached(
    offsetFormats,
    zone,
    () => new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }),
  );
  const name = format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const found = /^GMT([+-−])(\d{1,2}):?(\d{2})?(?::(\d{2}))?$/.exec(name);
  if (!found) return 0; // "GMT": UTC itself
  const minutes = Number(found[2]) * 60 + Number(found[3] ?? 0) + Number(found[4] ?? 0) / 60;
  return found[1] === '+' ? minutes : -minutes;
}

/** The date and time a clock in `zone` shows at `at`. */
export function wallClockAt(zone: string, at: Date): WallClock {
  const format = cached(
    wallFormats,
    zone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  );
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The local time as RFC 5545 writes it: 20271121T090000. */
export function formatWallClock(clock: WallClock): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    String(clock.year).padStart(4, '0') +
    two(clock.month) +
    two(clock.day) +
    'T' +
    two(clock.hour) +
    two(clock.minute) +
    two(clock.second)
  );
}

/**
 * Every instant a local time names in `zone`, oldest first: one as a rule, two in the hour that
 * occurs twice when clocks go back, none in the hour skipped when they go forward.
 */
export function instantsOf(zone: string, clock: WallClock): Date[] {
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  const offsets = new Set([offsetAt(zone, new Date(asUtc - DAY)), offsetAt(zone, new Date(asUtc + DAY))]);
  return [...offsets]
    .map((offset) => new Date(asUtc - offset * MINUTE))
    .filter((at) => formatWallClock(wallClockAt(zone, at)) === formatWallClock(clock))
    .sort((a, b) => a.getTime() - b.getTime());
}

/** The first moment in (low, high] at which the offset is no longer that at `low`. */
function changeBetween(zone: string, low: number, high: number): number {
  const before = offsetAt(zone, new Date(low));
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2000) * 1000;
    if (offsetAt(zone, new Date(middle)) === before) low = middle;
    else high = middle;
  }
  return high;
}

/** Every change of offset in `zone` in [from, to], oldest first (found day by day, then to the second). */
export function offsetChanges(zone: string, from: Date, to: Date): OffsetChange[] {
  const changes: OffsetChange[] = [];
  let previous = offsetAt(zone, from);
  for (let t = from.getTime(); t < to.getTime();) {
    const next = Math.min(t + DAY, to.getTime());
    const offset = offsetAt(zone, new Date(next));
    if (offset !== previous) {
      const at = changeBetween(zone, t, next);
      changes.push({ at: new Date(at), from: previous, to: offsetAt(zone, new Date(at)) });
      previous = changes.at(-1)!.to;
      t = at;
      continue;
    }
    t = next;
  }
  return changes;
}

/** "+05", "+0530", "-03": the numeric abbreviation the IANA database itself uses where no name exists. */
export function numericAbbreviation(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = Math.abs(offset) % 60;
  return `${sign}${hours}${minutes ? String(minutes).padStart(2, '0') : ''}`;
}

/** English locales whose data hold the common abbreviations (EST, CEST, AEDT, GMT, IST…). */
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN', 'en-NZ', 'en-ZA', 'en-CA'];

/** The zone's usual abbreviation at `at` (CEST, EDT), else its offset (+05). */
export function abbreviationAt(zone: string, at: Date): string {
  for (const locale of ABBREVIATION_LOCALES) {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name && !/^(GMT|UTC)[+\-−]/.test(name)) return name;
  }
  return numericAbbreviation(offsetAt(zone, at));
}

/** True when the zone observes daylight saving (summer) time at `at`, by its English long name. */
export function isDaylightAt(zone: string, at: Date): boolean {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'long' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return /\b(daylight|summer)\b/i.test(name ?? '');
}
