import type { FieldChange } from '@libs/contracts/src/events/event-messages';
import type {
  AgendaItemView,
  EventView,
  PartyView,
  ProcessView,
  RegistrationView,
  VenueView,
} from '@libs/contracts/src/events/event.view';
import type { TFunction } from 'i18next';
import { formatDateTime, partyName } from '../../i18n/format';

/** The meeting's fields the history speaks of, in the order a person reads a meeting. */
export const FIELDS = [
  'title',
  'kind',
  'state',
  'stateReason',
  'process',
  'description',
  'languages',
  'startsAt',
  'endsAt',
  'timeZone',
  'venue',
  'hostParty',
  'chairParty',
  'parties',
  'agenda',
  'registration',
] as const;

/** One change as a person reads it: the field's name, and what it was and became. */
export interface ChangeInWords {
  field: string;
  label: string;
  before?: string;
  after?: string;
  /** for lists (parties, agenda): what was added, removed or changed, one line each */
  details?: string[];
}

interface Context {
  t: TFunction;
  language: string;
  timeZone: string;
}

/** Items as the reader's language lists them ("A, B and C", "A وB وC", "A、B和C"). */
export function listOf(items: string[], language: string): string {
  try {
    return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** The parts of an address, with the reader's comma. */
export function partsOf(parts: Array<string | undefined>, language: string): string {
  const comma = language === 'ar' ? '، ' : language === 'zh' ? '，' : ', ';
  return parts.filter(Boolean).join(comma);
}

export const languageName = (code: string, language: string) => {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

export function standings(party: PartyView, t: TFunction, language: string): string {
  return listOf(
    party.standings.map((s) => t(`history.standings.${s}`)),
    language,
  );
}

function partiesDetails(before: PartyView[], after: PartyView[], c: Context): string[] {
  const name = (p: PartyView) => partyName(p.code, p.name, c.language);
  const was = new Map(before.map((p) => [p.code, p]));
  const now = new Map(after.map((p) => [p.code, p]));
  const lines: string[] = [];
  for (const p of after) {
    const old = was.get(p.code);
    if (!old) lines.push(c.t('history.added', { what: `${name(p)} (${standings(p, c.t, c.language)})` }));
    else if (standings(old, c.t, c.language) !== standings(p, c.t, c.language)) {
      lines.push(
        c.t('history.changedFromTo', {
          what: name(p),
          from: standings(old, c.t, c.language),
          to: standings(p, c.t, c.language),
        }),
      );
    }
  }
  for (const p of before) if (!now.has(p.code)) lines.push(c.t('history.removed', { what: name(p) }));
  return lines;
}

function agendaDetails(before: AgendaItemView[], after: AgendaItemView[], c: Context): string[] {
  const was = new Map(before.map((i) => [i.id, i]));
  const now = new Map(after.map((i) => [i.id, i]));
  const lines: string[] = [];
  for (const item of after) {
    const old = was.get(item.id);
    if (!old) lines.push(c.t('history.added', { what: item.title }));
    else if (old.title !== item.title) {
      lines.push(
        c.t('history.changedFromTo', { what: c.t('history.item'), from: old.title, to: item.title }),
      );
    } else if (JSON.stringify(old) !== JSON.stringify(item)) {
      lines.push(c.t('history.itemChanged', { what: item.title }));
    }
  }
  for (const item of before) if (!now.has(item.id)) lines.push(c.t('history.removed', { what: item.title }));
  const kept = (list: AgendaItemView[], other: Map<string, AgendaItemView>) =>
    list.filter((i) => other.has(i.id)).map((i) => i.id);
  if (kept(before, now).join() !== kept(after, was).join()) lines.push(c.t('history.reordered'));
  return lines;
}

/** One value of a field as words: a date in the meeting's zone, a party's name, a state's label. */
export function valueInWords(field: string, value: unknown, c: Context): string {
  if (value === undefined || value === null || value === '') return '';
  switch (field) {
    case 'startsAt':
    case 'endsAt':
      return formatDateTime(String(value), c.language, c.timeZone);
    case 'state':
      return c.t(`eventStates.${String(value)}`, { defaultValue: String(value) });
    case 'kind':
      return c.t(`history.kinds.${String(value)}`, { defaultValue: String(value) });
    case 'languages':
      return listOf(
        (value as string[]).map((code) => languageName(code, c.language)),
        c.language,
      );
    case 'hostParty':
    case 'chairParty':
      return partyName(String(value), String(value), c.language);
    case 'process': {
      const p = value as ProcessView;
      return p.acronym ? `${p.name} (${p.acronym})` : p.name;
    }
    case 'venue': {
      const v = value as VenueView;
      return [v.name, v.address, v.city, partyName(v.country, v.country, c.language)]
        .filter(Boolean)
        .join(', ');
    }
    case 'registration': {
      const r = value as RegistrationView;
      return c.t('history.registrationValue', {
        opens: formatDateTime(r.opensAt, c.language, c.timeZone),
        closes: formatDateTime(r.closesAt, c.language, c.timeZone),
        quota: r.quotaPerDelegation,
      });
    }
    case 'parties':
      return listOf(
        (value as PartyView[]).map((p) => partyName(p.code, p.name, c.language)),
        c.language,
      );
    case 'agenda':
      return (value as AgendaItemView[]).map((i, n) => `${n + 1}. ${i.title}`).join('; ');
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/** The changes of one history entry, in reading order, as words. */
export function changesInWords(changes: FieldChange[], c: Context): ChangeInWords[] {
  const order = (field: string) => {
    const at = (FIELDS as readonly string[]).indexOf(field);
    return at < 0 ? FIELDS.length : at;
  };
  return [...changes]
    .sort((a, b) => order(a.field) - order(b.field))
    .map((change) => {
      const label = c.t(`history.fields.${change.field}`, { defaultValue: change.field });
      if (change.field === 'parties') {
        return {
          field: change.field,
          label,
          details: partiesDetails(
            (change.before as PartyView[] | undefined) ?? [],
            (change.after as PartyView[] | undefined) ?? [],
            c,
          ),
        };
      }
      if (change.field === 'agenda') {
        return {
          field: change.field,
          label,
          details: agendaDetails(
            (change.before as AgendaItemView[] | undefined) ?? [],
            (change.after as AgendaItemView[] | undefined) ?? [],
            c,
          ),
        };
      }
      const before = valueInWords(change.field, change.before, c);
      const after = valueInWords(change.field, change.after, c);
      return { field: change.field, label, ...(before ? { before } : {}), ...(after ? { after } : {}) };
    });
}

export type { EventView };
