import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Topics } from '@plenary/contracts';
import { createKafka, decodeMessage, TopicNames } from '@plenary/messaging';
import { HealthRegistry, LOGGER, type Logger } from '@plenary/observability';
import type { Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Subject, type Observable } from 'rxjs';
import { ConsoleConfig } from '../console.config.js';

/** What an open page learns: that something about a meeting changed, never the data itself. */
export interface LiveChange {
  type: string;
  eventId: string;
  subject: string;
  time: string;
}

/**
 * Tells open console pages, within a second, that a participant or delegation changed, so they
 * fetch it again through the API (which applies the reader's rights). Every console instance
 * must see every change for the pages connected to it, so each reads the participants topic in
 * a consumer group of its own, from the newest offset: nothing is stored, nothing committed
 * that another instance needs.
 */
@Injectable()
export class LiveFeed implements OnModuleInit, OnApplicationShutdown {
  private readonly changes = new Subject<LiveChange>();
  private consumer?: Consumer;
  private running = false;

  constructor(
    private readonly config: ConsoleConfig,
    private readonly health: HealthRegistry,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get stream(): Observable<LiveChange> {
    return this.changes.asObservable();
  }

  async onModuleInit(): Promise<void> {
    const kafka = createKafka(this.config, this.logger, 'live');
    const topic = new TopicNames(this.config).resolve(Topics.participants);
    this.consumer = kafka.consumer({
      groupId: `${this.config.consumerGroup}-live-${randomUUID()}`,
      maxWaitTimeInMs: 100,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
    });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.running = payload.restart;
      this.logger.error({ err: payload.error }, 'live feed consumer crashed');
    });
    this.health.register({ name: 'live-feed', check: () => Promise.resolve({ ok: this.running }) });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic, fromBeginning: false });
    await this.consumer.run({
      eachMessage: ({ message }) => {
        try {
          const envelope = decodeMessage(message);
          this.changes.next({
            type: envelope.type,
            eventId: envelope.key,
            subject: envelope.subject,
            time: envelope.time,
          });
        } catch {
          // Not a message the console can read; the owning service's consumers dead-letter it.
        }
        return Promise.resolve();
      },
    });
    this.running = true;
  }

  async onApplicationShutdown(): Promise<void> {
    this.changes.complete();
    await this.consumer?.disconnect();
  }
}
