/**
 * Times as the secretariat types them: a wall-clock time ("2027-11-21T09:00", as a
 * datetime-local field holds it) in the meeting's IANA time zone, never the browser's.
 */

const parts = (at: number, timeZone: string) => {
  const found = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(found.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
};

/** The zone's offset from UTC at that instant, in minutes (Asia/Almaty: +300). */
export function offsetMinutes(at: number, timeZone: string): number {
  const p = parts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * "2027-11-21T09:00" in Asia/Almaty → "2027-11-21T09:00:00+05:00": the ISO 8601 form with the
 * offset the API asks for. A time that does not exist (skipped by a clock change) moves on by
 * the gap, as clocks do. An empty or malformed value is returned as it is, for the contract to refuse.
 */
export function zonedToIso(local: string, timeZone: string): string {
  const m = LOCAL.exec(local);
  if (!m) return local;
  const [year, month, day, hour, minute, second] = m.slice(1).map((x) => Number(x ?? 0));
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  let instant: number;
  try {
    // The offset at the wall time read as UTC, then at the instant that gives: right on either
    // side of a clock change.
    instant = wall - offsetMinutes(wall - offsetMinutes(wall, timeZone) * 60_000, timeZone) * 60_000;
  } catch {
    return local;
  }
  const shown = parts(instant, timeZone);
  const text = `${pad(shown.year, 4)}-${pad(shown.month)}-${pad(shown.day)}T${pad(shown.hour)}:${pad(shown.minute)}:${pad(shown.second)}`;
  return `${text}${offsetText(offsetMinutes(instant, timeZone))}`;
}

/** A stored UTC time → the wall-clock time in the zone, as a datetime-local field wants it. */
export function isoToZoned(iso: string | undefined, timeZone: string): string {
  if (!iso) return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  let p: ReturnType<typeof parts>;
  try {
    p = parts(at, timeZone);
  } catch {
    return '';
  }
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The zone's offset as people read it beside a time: "UTC+05:00". */
export function zoneOffsetLabel(timeZone: string, at = Date.now()): string {
  try {
    return `UTC${offsetText(offsetMinutes(at, timeZone))}`;
  } catch {
    return '';
  }
}

/** Every IANA zone the browser knows, with UTC. */
export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}
