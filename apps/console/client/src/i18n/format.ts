import countries from 'i18n-iso-countries';

/** A date and time in the meeting's time zone, for the reader's language, with the zone named. */
export function formatDateTime(iso: string | undefined, language: string, timeZone?: string): string {
  if (!iso) return '';
  // dateStyle and timeStyle cannot be combined with timeZoneName: the parts are named instead.
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone, timeZoneName: 'short' } : {}),
  }).format(new Date(iso));
}

export function formatDate(iso: string | undefined, language: string, timeZone?: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', ...(timeZone ? { timeZone } : {}) }).format(
    new Date(iso),
  );
}

export function formatTime(iso: string | undefined, language: string, timeZone?: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language, { timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(
    new Date(iso),
  );
}

/** A country's name in the reader's language (ISO 3166 alpha-3 codes); organisations keep theirs. */
export function partyName(code: string, fallback: string, language: string): string {
  const alpha2 = /^[A-Z]{3}$/.test(code) ? countries.alpha3ToAlpha2(code) : undefined;
  if (!alpha2) return fallback;
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(alpha2) ?? fallback;
  } catch {
    return fallback;
  }
}
