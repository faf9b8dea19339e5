import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@plenary/auth';
import type { ImportMode, ParticipantImportProgressView } from '@plenary/contracts';
import { AppException } from '@plenary/http';
import { LOGGER, type Logger } from '@plenary/observability';
import { isDuplicateKeyError, retryWhenStale } from '@plenary/persistence';
import { Clock } from '@plenary/runtime';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { AccreditationService } from '../participants/accreditation.service.js';
import { ACTIVE_PARTICIPANT_STATES } from '../participants/participant-lifecycle.js';
import { ParticipantsErrorCode, ParticipantsException } from '../participants/participants.exception.js';
import { ParticipantsService } from '../participants/participants.service.js';
import { ParticipantRecord, type StoredParticipant } from '../participants/schemas/participant.schema.js';
import { registrationOf, rowParticipantId } from './import-rows.js';
import { isInterrupted, toImportProgressView } from './import-view.mapper.js';
import { ImportWriter, type ImportChanges } from './import-writer.service.js';
import { ImportsErrorCode, ImportsException } from './imports.exception.js';
import { ImportsService } from './imports.service.js';
import type { StoredImport, StoredImportRow } from './schemas/participant-import.schema.js';

const isChangeInProgress = (error: unknown) =>
  error instanceof ParticipantsException && error.code === ParticipantsErrorCode.CHANGE_IN_PROGRESS;

/** How long an instance holds an import without writing its progress before another may take it over. */
export const IMPORT_LEASE_MS = 30_000;
/** Progress is written after this many rows, or this long, whichever comes first. */
const FLUSH_EVERY_ROWS = 10;
const FLUSH_EVERY_MS = 1_000;

class LostTheImport extends Error {}

type RowResult =
  | { outcome: 'imported' }
  | { outcome: 'refused'; refusal: { code: string; message: string } }
  /** a record with the row's id is being confirmed by another attempt, or was left by a dead one */
  | { outcome: 'in-flight' };

/**
 * Registers an import's rows, one by one through ParticipantsService.register, the same path
 * as one registration (ParticipantPlaces and its holds decide every seat, head role and
 * person), in the background of the instance that started or resumed it. The import's progress
 * is written to its document every few rows under a lease; a crashed import is resumed by
 * running it again once its lease has run out, on any instance. A row's person has an id made
 * from the import and the row, so no attempt can register a row twice.
 *
 * all-or-nothing: the file is checked whole before anything is registered; if a row is still
 * refused on the way (someone took the last place meanwhile), the rows this import registered
 * are withdrawn again by the domain's own withdrawal, and the import says so.
 */
@Injectable()
export class ImportRunner implements BeforeApplicationShutdown {
  private readonly working = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    @InjectModel(ParticipantRecord.name) private readonly participants: Model<ParticipantRecord>,
    private readonly imports: ImportsService,
    private readonly registrations: ParticipantsService,
    private readonly accreditation: AccreditationService,
    private readonly writer: ImportWriter,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Starts the import in the chosen mode, or resumes it if it was interrupted; a running one is
   * answered as it is (nothing starts twice).
   */
  async start(id: string, mode: ImportMode, actor: Principal): Promise<ParticipantImportProgressView> {
    let record = await this.imports.find(id, actor);
    if (record.state === 'done' || record.state === 'rolled-back') {
      throw new ImportsException(
        ImportsErrorCode.IMPORT_FINISHED,
        `This import is ${record.state === 'done' ? 'finished' : 'rolled back'}; upload the file again for a new import.`,
      );
    }
    if (record.mode && record.mode !== mode) {
      throw new ImportsException(
        ImportsErrorCode.OTHER_MODE,
        `This import was started as ${record.mode}; resume it the same way.`,
      );
    }
    const now = this.clock.now();
    if (record.state !== 'previewed' && !isInterrupted(record, now)) return toImportProgressView(record, now);

    const changes: ImportChanges = { runner: { id: randomUUID(), leaseUntil: this.leaseEnd() } };
    if (record.state === 'previewed') {
      // Checked again against the delegation as it is now: others may have registered since the preview.
      const rows = await this.imports.recheck(record, actor);
      const ready = rows.filter((r) => r.errors.length === 0).length;
      const refuse = (code: ImportsErrorCode, message: string) => async () => {
        await this.writer.change(record, { rows });
        throw new ImportsException(code, message);
      };
      if (mode === 'all-or-nothing' && ready < rows.length) {
        await refuse(
          ImportsErrorCode.IMPORT_HAS_ERRORS,
          `${rows.length - ready} of ${rows.length} rows have errors; all or nothing imports only a file without any. Fix them, or import the valid rows.`,
        )();
      }
      if (ready === 0)
        await refuse(
          ImportsErrorCode.NOTHING_TO_IMPORT,
          'No row of this file can be registered; see the errors of each row.',
        )();
      changes.rows = rows.map((row) =>
        row.errors.length > 0 ? { ...row, outcome: 'skipped' as const } : row,
      );
      changes.state = 'running';
      changes.mode = mode;
    }
    const claimed = await this.writer.change(record, changes, ['notice']);
    if (!claimed) {
      // Another request started or resumed it meanwhile: that one does the work.
      record = await this.imports.find(id, actor);
      return toImportProgressView(record, this.clock.now());
    }
    const work = this.work(claimed, actor)
      .catch((error: unknown) => {
        if (!(error instanceof LostTheImport))
          this.logger.warn({ err: error, importId: id }, 'import stopped; it can be resumed');
      })
      .finally(() => this.working.delete(work));
    this.working.add(work);
    return toImportProgressView(claimed, this.clock.now());
  }

  /** Lets the imports in progress stop after their current row, progress written, before the store closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.working]);
  }

  private leaseEnd = () => new Date(this.clock.now().getTime() + IMPORT_LEASE_MS);

  private async work(start: StoredImport, actor: Principal): Promise<void> {
    let current = start;
    const runnerId = start.runner!.id;
    const rows: StoredImportRow[] = start.rows.map((row) => ({ ...row }));
    let unsaved = 0;
    let savedAt = Date.now();
    const save = async (changes: ImportChanges = {}, removed: Array<'notice' | 'runner'> = []) => {
      const after = await this.writer.change(
        current,
        {
          rows: rows.map((r) => ({ ...r })),
          ...(removed.includes('runner') ? {} : { runner: { id: runnerId, leaseUntil: this.leaseEnd() } }),
          ...changes,
        },
        removed,
      );
      if (!after) throw new LostTheImport();
      current = after;
      unsaved = 0;
      savedAt = Date.now();
    };
    const progressed = async () => {
      unsaved++;
      if (unsaved >= FLUSH_EVERY_ROWS || Date.now() - savedAt >= FLUSH_EVERY_MS) await save();
    };
    /** Stops here, resumable at once: the lease given back, the progress kept. */
    const pause = () => save({ runner: { id: runnerId, leaseUntil: this.clock.now() } });

    if (current.state === 'running') {
      let inFlight = 0;
      for (const row of rows) {
        if (this.stopping) return pause();
        if (row.outcome) continue;
        const participantId = rowParticipantId(current._id, row.number);
        const result = await this.registerRow(current, row, participantId, actor);
        if (result.outcome === 'in-flight') {
          inFlight++;
          continue;
        }
        if (result.outcome === 'imported') {
          row.outcome = 'imported';
          row.participantId = participantId;
          await progressed();
          continue;
        }
        row.outcome = 'refused';
        row.refusal = result.refusal;
        if (current.mode === 'all-or-nothing') {
          const registered = rows.filter((r) => r.outcome === 'imported').length;
          await save({
            state: 'rolling-back',
            notice: {
              code: 'ROLLED_BACK',
              message: `Row ${row.number} was refused (${result.refusal.message}) All or nothing: the ${registered} people this import had registered are withdrawn again.`,
            },
          });
          break;
        }
        await progressed();
      }
      if (current.state === 'running') {
        // A row another attempt was still saving: resumable later, once that attempt is done or swept.
        if (inFlight > 0) return pause();
        return save({ state: 'done' }, ['runner']);
      }
    }
    if (current.state === 'rolling-back') {
      for (const row of rows) {
        if (this.stopping) return pause();
        if (row.outcome === 'refused' || row.outcome === 'skipped' || row.outcome === 'withdrawn') continue;
        if (await this.withdrawRow(rowParticipantId(current._id, row.number), actor)) {
          row.outcome = 'withdrawn';
          row.participantId = rowParticipantId(current._id, row.number);
        } else delete row.outcome;
        await progressed();
      }
      await save({ state: 'rolled-back' }, ['runner']);
    }
  }

  /** Registers one row as one registration is made; a row already registered (by an attempt before a crash) counts as imported. */
  private async registerRow(
    record: StoredImport,
    row: StoredImportRow,
    participantId: string,
    actor: Principal,
  ): Promise<RowResult> {
    const existing = await this.participants
      .findById(participantId, { confirmed: 1 })
      .lean<Pick<StoredParticipant, 'confirmed'>>()
      .exec();
    if (existing?.confirmed) return { outcome: 'imported' };
    if (existing) return { outcome: 'in-flight' };
    try {
      await this.registrations.register(record.delegationId, registrationOf(row.values), actor, {
        participantId,
      });
      return { outcome: 'imported' };
    } catch (error) {
      // The row's person exists, or another attempt of this row holds their claim on its way to storing them.
      if (isDuplicateKeyError(error) || isChangeInProgress(error)) return { outcome: 'in-flight' };
      if (error instanceof AppException && error.getStatus() < 500)
        return { outcome: 'refused', refusal: { code: error.code, message: error.message } };
      throw error; // the store is away, or the attempt ran out of time: stop here, resumable
    }
  }

  /** Withdraws a person this import registered, by the domain's own withdrawal; false if there is no one. */
  private async withdrawRow(participantId: string, actor: Principal): Promise<boolean> {
    return retryWhenStale(
      async () => {
        const person = await this.participants
          .findOne({ _id: participantId, confirmed: true }, { state: 1 })
          .lean<Pick<StoredParticipant, 'state'>>()
          .exec();
        if (!person) return false;
        if (!ACTIVE_PARTICIPANT_STATES.includes(person.state)) return true;
        await this.accreditation.withdraw(participantId, actor);
        return true;
      },
      (error) =>
        error instanceof ParticipantsException && error.code === ParticipantsErrorCode.VERSION_MISMATCH,
      5,
    );
  }
}
