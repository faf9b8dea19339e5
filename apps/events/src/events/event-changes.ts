import type { EventView, FieldChange } from '@plenary/contracts';

/** Bookkeeping fields that change with every write and say nothing about the meeting. */
const IGNORED = new Set(['version', 'updatedAt', 'createdAt', 'id']);

/** The top-level fields a change touched, with their values before and after. */
export function diffEvent(before: EventView, after: EventView): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (IGNORED.has(field)) continue;
    const a = (before as unknown as Record<string, unknown>)[field];
    const b = (after as unknown as Record<string, unknown>)[field];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    changes.push({
      field,
      ...(a === undefined ? {} : { before: a }),
      ...(b === undefined ? {} : { after: b }),
    });
  }
  return changes;
}
