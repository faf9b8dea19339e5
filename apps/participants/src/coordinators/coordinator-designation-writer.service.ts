import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { CoordinatorMessages, PublishedCoordinatorDesignationView } from '@plenary/contracts';
import { OutboxService } from '@plenary/messaging';
import type { Model } from 'mongoose';
import { toPublishedDesignationView } from './designation-view.mapper.js';
import { revokedKeyOf } from './designation-keys.js';
import { CoordinatorDesignation, type StoredDesignation } from './schemas/coordinator-designation.schema.js';

type DesignationMessageType = keyof typeof CoordinatorMessages;

/**
 * The one class that writes coordinator_designations. Each change is one single-document write
 * that carries its message (the outbox), so a designation or revocation that is stored is
 * always announced, and never announced unless stored.
 */
@Injectable()
export class CoordinatorDesignationWriter {
  constructor(
    @InjectModel(CoordinatorDesignation.name) private readonly designations: Model<CoordinatorDesignation>,
    private readonly outbox: OutboxService,
  ) {}

  /** Inserts an active designation with its coordinator.designated message; a duplicate-key error if it is already active. */
  async insert(record: StoredDesignation): Promise<void> {
    await this.outbox.insert(
      this.designations,
      record,
      this.message('coordinator.designated', toPublishedDesignationView(record)),
    );
  }

  /**
   * Revokes the designation as it was read (compare-and-set on its version); frees its active
   * key in the same write. Returns the revoked record, or undefined if it changed meanwhile.
   */
  async revoke(record: StoredDesignation, by: string, at: Date): Promise<StoredDesignation | undefined> {
    const changes = {
      state: 'revoked' as const,
      activeKey: revokedKeyOf(record._id),
      revokedBy: by,
      revokedAt: at,
    };
    const after: StoredDesignation = { ...record, ...changes, version: record.version + 1 };
    const written = await this.outbox.update(
      this.designations,
      record._id,
      record.version,
      { $set: changes },
      this.message('coordinator.revoked', toPublishedDesignationView(after)),
    );
    return written ? after : undefined;
  }

  private message(type: DesignationMessageType, designation: PublishedCoordinatorDesignationView) {
    return this.outbox.messages(type, {
      key: designation.eventId,
      subject: `coordinators/${designation.id}`,
      data: { designation },
    });
  }
}
