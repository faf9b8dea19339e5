import type {
  DecisionKind,
  FollowUpStatus,
  ReportContent,
  SectionKind,
} from '@libs/contracts/src/reports/report-content';
import type { UpdateDraftDto } from '@libs/contracts/src/reports/report.dto';
import type { FieldError } from '../../api/api-error';

/**
 * What the editor holds: the report's content as the person writes it. Optional fields are
 * empty strings while blank, and every entry of a list has a key of its own so that React keeps
 * its fields (and their focus) when entries are added, removed or moved.
 */
export interface SectionEntry {
  key: string;
  kind: SectionKind;
  title: string;
  agendaItemId: string;
  text: string;
}
export interface StatementEntry {
  key: string;
  speaker: string;
  position: string;
  party: string;
  quote: string;
}
export interface DecisionEntry {
  key: string;
  kind: DecisionKind;
  text: string;
  parties: string[];
}
export interface RecommendationEntry {
  key: string;
  text: string;
}
export interface FollowUpEntry {
  key: string;
  action: string;
  responsible: string;
  dueDate: string;
  status: FollowUpStatus;
}
export interface AnnexEntry {
  key: string;
  title: string;
  url: string;
}

export interface DraftModel {
  title: string;
  summary: string;
  sections: SectionEntry[];
  statements: StatementEntry[];
  decisions: DecisionEntry[];
  recommendations: RecommendationEntry[];
  followUps: FollowUpEntry[];
  annexes: AnnexEntry[];
}

export const LISTS = [
  'sections',
  'statements',
  'decisions',
  'recommendations',
  'followUps',
  'annexes',
] as const;
export type ListName = (typeof LISTS)[number];
export type EntryOf<L extends ListName> = DraftModel[L][number];

let counter = 0;
export const newKey = (): string => `e${(counter += 1)}`;

/** The editor's model of stored content. */
export function toModel(content: ReportContent): DraftModel {
  return {
    title: content.title,
    summary: content.summary ?? '',
    sections: content.sections.map((s) => ({
      key: newKey(),
      kind: s.kind,
      title: s.title,
      agendaItemId: s.agendaItemId ?? '',
      text: s.text,
    })),
    statements: content.statements.map((s) => ({
      key: newKey(),
      speaker: s.speaker,
      position: s.position ?? '',
      party: s.party ?? '',
      quote: s.quote,
    })),
    decisions: content.decisions.map((d) => ({
      key: newKey(),
      kind: d.kind,
      text: d.text,
      parties: [...d.parties],
    })),
    recommendations: content.recommendations.map((r) => ({ key: newKey(), text: r.text })),
    followUps: content.followUps.map((f) => ({
      key: newKey(),
      action: f.action,
      responsible: f.responsible,
      dueDate: f.dueDate ?? '',
      status: f.status,
    })),
    annexes: content.annexes.map((a) => ({ key: newKey(), title: a.title, url: a.url })),
  };
}

/** An entry as the API takes it: no key, blank optional fields left out. */
function entryOut(entry: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(entry)) {
    if (name === 'key' || value === '') continue;
    out[name] = value;
  }
  return out;
}

/** The whole model as the content the API stores (for comparing and diffing, not for sending). */
export function toContent(model: DraftModel): ReportContent {
  const content = {
    title: model.title,
    ...(model.summary.trim() ? { summary: model.summary } : {}),
    ...Object.fromEntries(LISTS.map((list) => [list, model[list].map((e) => entryOut({ ...e }))])),
  };
  return content as unknown as ReportContent;
}

/** Every field of an entry other than its key and kind is empty: nothing was written yet. */
function isBlank(entry: Record<string, unknown>): boolean {
  return Object.entries(entry).every(
    ([name, value]) =>
      name === 'key' ||
      name === 'kind' ||
      name === 'status' ||
      value === '' ||
      (Array.isArray(value) && value.length === 0),
  );
}

/** An entry the save leaves out for now: which fields are still missing, which are wrong. */
export interface Withheld {
  /** fields that are required and still empty */
  missing: string[];
  /** fields with a value the contract refuses, with its words */
  invalid: Record<string, string[]>;
  /** nothing was written in it yet */
  blank: boolean;
}

export interface SavePlan {
  /** what PATCH /reports/:id/draft gets */
  body: UpdateDraftDto & { summary?: string | null };
  /** the model's key of each entry sent, by list, in the order sent (to place a 400 at its entry) */
  sent: Record<ListName, string[]>;
  /** entries not sent yet, by key */
  withheld: Record<string, Withheld>;
  /** top-level fields not sent, with what is wrong */
  heldFields: Record<string, string[]>;
}

/** "statements.0.quote" as class-validator names it in the browser, "statements[0].quote" as the API does. */
const fieldPath = /^(\w+)(?:\.(\d+)|\[(\d+)\])\.(\w+)/;
const indexOf = (found: RegExpExecArray) => Number(found[2] ?? found[3]);

/**
 * What to save now. A draft is written a piece at a time, so an entry that the contract would
 * refuse (a statement without its quote yet, an annex whose address is half typed) is kept in
 * the editor and left out of this save rather than stopping it; so is a title too short. The
 * errors come from validating the candidate (toCandidate) with the API's own class.
 */
export function planSave(model: DraftModel, errors: FieldError[]): SavePlan {
  const heldFields: Record<string, string[]> = {};
  const byEntry = new Map<string, { list: ListName; index: number; field: string; messages: string[] }[]>();
  for (const error of errors) {
    const found = fieldPath.exec(error.field);
    if (found && (LISTS as readonly string[]).includes(found[1]!)) {
      const list = found[1] as ListName;
      const index = indexOf(found);
      const key = model[list][index]?.key;
      if (!key) continue;
      const entryErrors = byEntry.get(key) ?? [];
      entryErrors.push({ list, index, field: found[4]!, messages: error.messages });
      byEntry.set(key, entryErrors);
    } else {
      const top = error.field.split('.')[0]!;
      (heldFields[top] ??= []).push(...error.messages);
    }
  }
  const withheld: Record<string, Withheld> = {};
  const sent = Object.fromEntries(LISTS.map((l) => [l, [] as string[]])) as Record<ListName, string[]>;
  const body: Record<string, unknown> = {};
  if (!heldFields.title) body.title = model.title;
  if (!model.summary.trim()) body.summary = null;
  else if (!heldFields.summary) body.summary = model.summary;
  for (const list of LISTS) {
    if (heldFields[list]) continue; // the list itself is refused (too long): send none of it
    const out: Record<string, unknown>[] = [];
    for (const entry of model[list] as unknown as Array<Record<string, unknown> & { key: string }>) {
      const problems = byEntry.get(entry.key);
      if (problems) {
        const missing: string[] = [];
        const invalid: Record<string, string[]> = {};
        for (const p of problems) {
          const value = entry[p.field];
          if (value === '' || value === undefined) missing.push(p.field);
          else (invalid[p.field] ??= []).push(...p.messages);
        }
        withheld[entry.key] = { missing, invalid, blank: isBlank(entry) };
        continue;
      }
      sent[list].push(entry.key);
      out.push(entryOut(entry));
    }
    body[list] = out;
  }
  return { body: body as SavePlan['body'], sent, withheld, heldFields };
}

/** The candidate to validate: everything, as it would be sent if nothing were held back. */
export function toCandidate(model: DraftModel): Record<string, unknown> {
  return toContent(model) as unknown as Record<string, unknown>;
}

/**
 * The API's 400 for a save, placed in the editor: "statements.0.quote" of the body sent is the
 * entry whose key was sent first, whatever its place in the editor now.
 */
export function placeServerErrors(errors: FieldError[], sent: SavePlan['sent']): Record<string, string[]> {
  const placed: Record<string, string[]> = {};
  for (const error of errors) {
    const found = fieldPath.exec(error.field);
    const key =
      found && (LISTS as readonly string[]).includes(found[1]!)
        ? sent[found[1] as ListName][indexOf(found)]
        : undefined;
    const where = key ? `${key}.${found![4]}` : error.field;
    (placed[where] ??= []).push(...error.messages);
  }
  return placed;
}

/** The sections a report starts with: the opening, one per agenda item, the closing. */
export function outlineSections(
  agenda: ReadonlyArray<{ id: string; title: string }>,
  words: { opening: string; closing: string },
): SectionEntry[] {
  return [
    { key: newKey(), kind: 'opening', title: words.opening, agendaItemId: '', text: '' },
    ...agenda.map((item) => ({
      key: newKey(),
      kind: 'agenda-item' as const,
      title: item.title,
      agendaItemId: item.id,
      text: '',
    })),
    { key: newKey(), kind: 'closing', title: words.closing, agendaItemId: '', text: '' },
  ];
}
