/**
 * Local times in the meeting's time zone for the "as it was at" picker: what a clock at the venue
 * showed at an instant, and the instant a clock there named. The browser's own time zone data
 * (Intl) does the work.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Minutes east of UTC in `zone` at `at`. */
export function offsetMinutes(zone: string, at: Date): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const found = /^GMT([+-−])(\d{1,2}):?(\d{2})?/.exec(name);
  if (!found) return 0;
  const minutes = Number(found[2]) * 60 + Number(found[3] ?? 0);
  return found[1] === '+' ? minutes : -minutes;
}

/** "2027-11-21T09:00:00": the local time in `zone` at `iso`, as a datetime-local input holds it. */
export function toLocalInput(iso: string, zone: string): string {
  const at = new Date(iso);
  const local = new Date(at.getTime() + offsetMinutes(zone, at) * MINUTE);
  return local.toISOString().slice(0, 19);
}

/**
 * The instant a local time in `zone` names ("2027-11-21T09:00" or with seconds); in the hour that
 * occurs twice when clocks go back, the first of the two, as calendars read it.
 */
export function fromLocalInput(local: string, zone: string): Date | undefined {
  const found = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(local);
  if (!found) return undefined;
  const [y, mo, d, h, mi, s] = found.slice(1).map((n) => Number(n ?? 0));
  const asUtc = Date.UTC(y!, mo! - 1, d!, h!, mi!, s ?? 0);
  const candidates = [offsetMinutes(zone, new Date(asUtc - DAY)), offsetMinutes(zone, new Date(asUtc + DAY))]
    .map((offset) => new Date(asUtc - offset * MINUTE))
    .filter(
      (at) =>
        toLocalInput(at.toISOString(), zone).slice(0, 19) === new Date(asUtc).toISOString().slice(0, 19),
    )
    .sort((a, b) => a.getTime() - b.getTime());
  // A time skipped when clocks go forward is read with the offset before the change.
  return candidates[0] ?? new Date(asUtc - offsetMinutes(zone, new Date(asUtc - DAY)) * MINUTE);
}
