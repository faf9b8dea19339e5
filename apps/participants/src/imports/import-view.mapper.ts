import type { ImportRowView, ParticipantImportProgressView, ParticipantImportView } from '@plenary/contracts';
import type { StoredImport, StoredImportRow } from './schemas/participant-import.schema.js';

/** Whether an import being worked on has lost its worker (its lease ran out): it may be resumed. */
export const isInterrupted = (record: StoredImport, now: Date): boolean =>
  (record.state === 'running' || record.state === 'rolling-back') &&
  (!record.runner || record.runner.leaseUntil.getTime() <= now.getTime());

const count = (rows: StoredImportRow[], test: (row: StoredImportRow) => boolean) => rows.filter(test).length;

export function toImportProgressView(record: StoredImport, now: Date): ParticipantImportProgressView {
  const rows = record.rows;
  const finished = (row: StoredImportRow) =>
    record.state === 'rolling-back' || record.state === 'rolled-back'
      ? row.outcome !== undefined && row.outcome !== 'imported'
      : row.outcome !== undefined;
  return {
    id: record._id,
    eventId: record.eventId,
    delegationId: record.delegationId,
    party: { ...record.party },
    format: record.format,
    state: record.state,
    ...(record.mode ? { mode: record.mode } : {}),
    interrupted: isInterrupted(record, now),
    done:
      record.state === 'previewed' ? 0 : record.state === 'rolled-back' ? rows.length : count(rows, finished),
    total: rows.length,
    counts: {
      rows: rows.length,
      ready: count(rows, (r) => r.errors.length === 0),
      withErrors: count(rows, (r) => r.errors.length > 0),
      imported: count(rows, (r) => r.outcome === 'imported'),
      refused: count(rows, (r) => r.outcome === 'refused'),
      skipped: count(rows, (r) => r.outcome === 'skipped'),
      withdrawn: count(rows, (r) => r.outcome === 'withdrawn'),
    },
    ...(record.notice ? { notice: { ...record.notice } } : {}),
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

const toRowView = (row: StoredImportRow): ImportRowView => ({
  number: row.number,
  values: { ...row.values },
  errors: row.errors.map((e) => ({ ...e })),
  ...(row.outcome ? { outcome: row.outcome } : {}),
  ...(row.participantId ? { participantId: row.participantId } : {}),
  ...(row.refusal ? { refusal: { ...row.refusal } } : {}),
});

export const toImportView = (record: StoredImport, now: Date): ParticipantImportView => ({
  ...toImportProgressView(record, now),
  rows: record.rows.map(toRowView),
});
