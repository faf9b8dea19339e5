import type { EventView } from '@libs/contracts/src/events/event.view';
import type { FieldError } from '../../api/api-error';
import { zonedToIso } from './zoned-time';

export interface Presenter {
  name: string;
  position: string;
  party: string;
}
export interface DocumentLink {
  title: string;
  url: string;
}

export interface AgendaItemDraft {
  title: string;
  description: string;
  slotStartsAt: string;
  slotEndsAt: string;
  presenters: Presenter[];
  documents: DocumentLink[];
}

/** The body of POST or PATCH …/agenda: a removed description or slot is sent as null when editing. */
export function itemBodyOf(draft: AgendaItemDraft, zone: string, editing: boolean): Record<string, unknown> {
  const gone = editing ? null : undefined;
  const body: Record<string, unknown> = {
    title: draft.title.trim(),
    description: draft.description.trim() || gone,
    slot:
      draft.slotStartsAt || draft.slotEndsAt
        ? { startsAt: zonedToIso(draft.slotStartsAt, zone), endsAt: zonedToIso(draft.slotEndsAt, zone) }
        : gone,
    presenters: draft.presenters.map((p) => ({
      name: p.name.trim(),
      ...(p.position.trim() ? { position: p.position.trim() } : {}),
      ...(p.party ? { party: p.party } : {}),
    })),
    documents: draft.documents.map((d) => ({ title: d.title.trim(), url: d.url.trim() })),
  };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

/**
 * The slot must lie within the meeting, and end after it starts: checked here so the message
 * stands at the field before anything is sent (the events service checks it again).
 */
export function slotProblems(
  draft: AgendaItemDraft,
  event: Pick<EventView, 'startsAt' | 'endsAt' | 'timeZone'>,
  words: { incomplete: string; order: string; outside: string },
): FieldError[] {
  if (!draft.slotStartsAt && !draft.slotEndsAt) return [];
  if (!draft.slotStartsAt || !draft.slotEndsAt) {
    const field = draft.slotStartsAt ? 'slot.endsAt' : 'slot.startsAt';
    return [{ field, messages: [words.incomplete] }];
  }
  const start = Date.parse(zonedToIso(draft.slotStartsAt, event.timeZone));
  const end = Date.parse(zonedToIso(draft.slotEndsAt, event.timeZone));
  const problems: FieldError[] = [];
  if (start < Date.parse(event.startsAt) || start > Date.parse(event.endsAt)) {
    problems.push({ field: 'slot.startsAt', messages: [words.outside] });
  }
  if (end > Date.parse(event.endsAt) || end < Date.parse(event.startsAt)) {
    problems.push({ field: 'slot.endsAt', messages: [words.outside] });
  } else if (end < start) {
    problems.push({ field: 'slot.endsAt', messages: [words.order] });
  }
  return problems;
}

/** The agenda's ids in a new order: `moved` put before or after `target`. */
export function reordered(
  ids: string[],
  moved: string[],
  target: string,
  position: 'before' | 'after',
): string[] {
  const rest = ids.filter((id) => !moved.includes(id));
  const at = rest.indexOf(target) + (position === 'after' ? 1 : 0);
  return [...rest.slice(0, at), ...moved, ...rest.slice(at)];
}
