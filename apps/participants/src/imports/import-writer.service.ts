import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Clock } from '@plenary/runtime';
import type { Model } from 'mongoose';
import { ParticipantImport, type StoredImport } from './schemas/participant-import.schema.js';

export type ImportChanges = Partial<Pick<StoredImport, 'state' | 'mode' | 'rows' | 'notice' | 'runner'>>;

/**
 * The one class that writes the imports collection. Every change is one version-checked update
 * of the whole import, so two instances can never both write it: the one that loses learns so
 * (undefined) and stops.
 */
@Injectable()
export class ImportWriter {
  constructor(
    @InjectModel(ParticipantImport.name) private readonly imports: Model<ParticipantImport>,
    private readonly clock: Clock,
  ) {}

  async insert(record: StoredImport): Promise<void> {
    await this.imports.collection.insertOne(record as never);
  }

  /** The import after the change, or undefined when it changed meanwhile (another version). */
  async change(
    record: StoredImport,
    changes: ImportChanges,
    removed: Array<'notice' | 'runner'> = [],
  ): Promise<StoredImport | undefined> {
    const updatedAt = this.clock.now();
    const version = record.version + 1;
    const result = await this.imports.collection.updateOne(
      { _id: record._id as never, version: record.version },
      {
        $set: { ...changes, version, updatedAt },
        ...(removed.length > 0 ? { $unset: Object.fromEntries(removed.map((f) => [f, ''])) } : {}),
      },
    );
    if (result.modifiedCount !== 1) return undefined;
    const after = { ...record, ...changes, version, updatedAt };
    for (const field of removed) delete after[field];
    return after;
  }
}
