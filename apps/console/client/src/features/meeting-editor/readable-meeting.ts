import type { TFunction } from 'i18next';
import type { ComparedField } from '../../ui/change-comparison';
import { formatDateTime } from '../../i18n/format';
import { TOP_LEVEL_FIELDS, type TopLevelField } from './meeting-draft';
import { countryName, languageName } from './names';

interface Party {
  code: string;
  kind?: string;
  name?: string;
  standings: string[];
}

/**
 * A meeting's fields as people read them (names in the page's language, times in the meeting's
 * zone), from a request body or a stored meeting: for the side-by-side view of a conflict.
 */
export function readableMeeting(
  body: Record<string, unknown>,
  t: TFunction,
  language: string,
): Record<TopLevelField, string> {
  const zone = String(body.timeZone ?? 'UTC');
  const none = t('meetingEditor.conflict.empty');
  const time = (iso: unknown) =>
    typeof iso === 'string' && iso ? `${formatDateTime(iso, language, zone)} (${zone})` : none;
  const parties = (body.parties as Party[] | undefined) ?? [];
  const partyNamed = (code: unknown) => {
    if (typeof code !== 'string' || !code) return none;
    const party = parties.find((p) => p.code === code);
    return party?.kind === 'organization' ? `${code} — ${party.name ?? ''}` : countryName(code, language);
  };
  const process = body.process as { name?: string; acronym?: string } | undefined;
  const venue = body.venue as
    { name?: string; address?: string; city?: string; country?: string } | undefined;
  const registration = body.registration as
    { opensAt?: string; closesAt?: string; quotaPerDelegation?: number } | undefined;
  return {
    title: String(body.title ?? '') || none,
    kind: body.kind ? t(`meetingEditor.kinds.${String(body.kind)}`) : none,
    process: process
      ? [process.name, process.acronym ? `(${process.acronym})` : ''].filter(Boolean).join(' ')
      : none,
    description: String(body.description ?? '') || none,
    languages:
      ((body.languages as string[] | undefined) ?? []).map((l) => languageName(l, language)).join(', ') ||
      none,
    startsAt: time(body.startsAt),
    endsAt: time(body.endsAt),
    timeZone: zone,
    venue: venue
      ? [venue.name, venue.address, venue.city, venue.country ? countryName(venue.country, language) : '']
          .filter(Boolean)
          .join(', ')
      : none,
    hostParty: partyNamed(body.hostParty),
    chairParty: partyNamed(body.chairParty),
    parties:
      parties
        .map(
          (p) =>
            `${p.kind === 'organization' ? `${p.code} — ${p.name ?? ''}` : countryName(p.code, language)}: ${p.standings
              .map((s) => t(`meetingEditor.standings.${s}`))
              .join(', ')}`,
        )
        .join('\n') || none,
    registration: registration
      ? t('meetingEditor.conflict.registration', {
          opens: time(registration.opensAt),
          closes: time(registration.closesAt),
          quota: registration.quotaPerDelegation,
        })
      : none,
  };
}

/** Their saved meeting and mine, field by field, labelled as the form labels them. */
export function comparedFields(
  theirs: Record<string, unknown>,
  mine: Record<string, unknown>,
  t: TFunction,
  language: string,
): ComparedField[] {
  const [a, b] = [readableMeeting(theirs, t, language), readableMeeting(mine, t, language)];
  return TOP_LEVEL_FIELDS.map((key) => ({
    key,
    label: t(`meetingEditor.conflict.fields.${key}`),
    theirs: a[key],
    mine: b[key],
  }));
}
