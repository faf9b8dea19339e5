import type { ReportContent } from '@libs/contracts/src/reports/report-content';
import { diffArrays, diffWords } from 'diff';

export type PartName =
  'title' | 'summary' | 'sections' | 'statements' | 'decisions' | 'recommendations' | 'followUps' | 'annexes';

/** A run of words: the same on both sides, or only on one. */
export interface WordRun {
  text: string;
  change: 'same' | 'added' | 'removed';
}

/** One entry (or the title, or the summary) as it was and as it is. */
export interface DiffRow {
  part: PartName;
  change: 'same' | 'added' | 'removed' | 'changed';
  /** the words of the earlier version, removed ones marked */
  before: WordRun[];
  /** the words of the later version, added ones marked */
  after: WordRun[];
}

/** An entry as words a person reads, one line per field. */
export function entryText(part: PartName, entry: unknown): string {
  const e = entry as Record<string, unknown>;
  const lines = (...values: unknown[]) =>
    values
      .filter((v) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))
      .map((v) => (Array.isArray(v) ? v.join(', ') : String(v)))
      .join('\n');
  switch (part) {
    case 'sections':
      return lines(e.title, e.text);
    case 'statements':
      return lines([e.speaker, e.position, e.party].filter(Boolean).join(', '), e.quote);
    case 'decisions':
      return lines(e.text, e.parties);
    case 'recommendations':
      return lines(e.text);
    case 'followUps':
      return lines(e.action, [e.responsible, e.dueDate, e.status].filter(Boolean).join(' · '));
    case 'annexes':
      return lines(e.title, e.url);
    default:
      return lines(entry);
  }
}

function words(before: string, after: string): Pick<DiffRow, 'before' | 'after'> {
  const changes = diffWords(before, after);
  return {
    before: changes
      .filter((c) => !c.added)
      .map((c) => ({ text: c.value, change: c.removed ? 'removed' : 'same' })),
    after: changes
      .filter((c) => !c.removed)
      .map((c) => ({ text: c.value, change: c.added ? 'added' : 'same' })),
  };
}

function row(part: PartName, before: string | undefined, after: string | undefined): DiffRow {
  if (before === undefined)
    return { part, change: 'added', before: [], after: [{ text: after!, change: 'added' }] };
  if (after === undefined)
    return { part, change: 'removed', before: [{ text: before, change: 'removed' }], after: [] };
  return { part, change: before === after ? 'same' : 'changed', ...words(before, after) };
}

/**
 * What changed between two versions, part by part and entry by entry, words added and removed
 * marked: entries are matched as a list (an inserted statement is one added row, not every later
 * one changed), and a removed entry next to an added one is read as that entry changed.
 */
export function contentDiff(from: ReportContent, to: ReportContent): DiffRow[] {
  const rows: DiffRow[] = [row('title', from.title, to.title)];
  if (from.summary !== undefined || to.summary !== undefined)
    rows.push(row('summary', from.summary, to.summary));
  const lists = ['sections', 'statements', 'decisions', 'recommendations', 'followUps', 'annexes'] as const;
  for (const part of lists) {
    const a = (from[part] ?? []).map((e) => entryText(part, e));
    const b = (to[part] ?? []).map((e) => entryText(part, e));
    const changes = diffArrays(a, b);
    for (let i = 0; i < changes.length; i++) {
      const change = changes[i]!;
      const next = changes[i + 1];
      if (change.removed && next?.added) {
        // Pair them one by one; what is left over is removed or added.
        const n = Math.max(change.value.length, next.value.length);
        for (let k = 0; k < n; k++) rows.push(row(part, change.value[k], next.value[k]));
        i += 1;
      } else {
        for (const value of change.value)
          rows.push(row(part, change.added ? undefined : value, change.removed ? undefined : value));
      }
    }
  }
  return rows;
}
