/** Numbers, shares and times of the dashboard in the reader's language (Intl), times on the meeting's clock. */
export interface DashboardFormats {
  number(n: number): string;
  percent(share: number | undefined): string;
  /** the timeline's interval: "5 minutes", "2 hours", "1 day" */
  interval: string;
  /** a tick on the time axis */
  time(iso: string): string;
  /** an interval in the table: "09:00 – 09:05" */
  range(startIso: string, endIso: string): string;
  /** "Asia/Kabul, GMT+4:30" */
  zone: string;
  /** "A, B and C" */
  list(items: string[]): string;
}

export function dashboardFormats(
  language: string,
  timeZone: string,
  timeline: { bucketMinutes: number; buckets: ReadonlyArray<{ startsAt: string }> },
  notApplicable: string,
): DashboardFormats {
  const numbers = new Intl.NumberFormat(language);
  const percents = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const first = timeline.buckets[0]?.startsAt;
  const last = timeline.buckets.at(-1)?.startsAt;
  const day = (iso: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(iso),
    );
  const severalDays = !!first && !!last && day(first) !== day(last);
  const daily = timeline.bucketMinutes >= 1440;
  const dateParts: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' };
  const timeParts: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
  const times = new Intl.DateTimeFormat(language, {
    timeZone,
    ...(daily ? dateParts : severalDays ? { ...dateParts, ...timeParts } : timeParts),
  });
  const offset =
    new Intl.DateTimeFormat(language, { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(first ? new Date(first) : new Date())
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const unit = daily ? 'day' : timeline.bucketMinutes >= 60 ? 'hour' : 'minute';
  const size = daily
    ? timeline.bucketMinutes / 1440
    : unit === 'hour'
      ? timeline.bucketMinutes / 60
      : timeline.bucketMinutes;
  return {
    number: (n) => numbers.format(n),
    percent: (s) => (s === undefined ? notApplicable : percents.format(s)),
    interval: new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(size),
    time: (iso) => times.format(new Date(iso)),
    range: (start, end) => times.formatRange(new Date(start), new Date(end)),
    zone: offset ? `${timeZone}, ${offset}` : timeZone,
    list: (items) => new Intl.ListFormat(language, { type: 'unit', style: 'short' }).format(items),
  };
}
