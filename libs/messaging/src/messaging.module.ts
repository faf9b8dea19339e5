import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Module,
  type OnModuleInit,
} from '@nestjs/common';
import { ServiceConfig } from '@plenary/config';
import { HealthRegistry, LOGGER, type Logger } from '@plenary/observability';
import { KafkaServerFactory } from './consumer/kafka-server.factory.js';
import { Inbox } from './consumer/inbox.js';
import { createKafka } from './kafka/kafka-client.js';
import { KafkaHealth } from './kafka/kafka-health.js';
import { TopicNames } from './kafka/topic-names.js';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options.js';
import { OutboxRelay } from './outbox/outbox-relay.js';
import { OutboxSequences } from './outbox/outbox-sequences.js';
import { OutboxService } from './outbox/outbox.service.js';

@Module({})
export class MessagingModule implements OnModuleInit, BeforeApplicationShutdown {
  private kafkaHealth: KafkaHealth | undefined;

  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        TopicNames,
        OutboxSequences,
        OutboxRelay,
        OutboxService,
        Inbox,
        KafkaServerFactory,
      ],
      exports: [OutboxService, TopicNames, KafkaServerFactory, OutboxRelay],
    };
  }

  constructor(
    private readonly config: ServiceConfig,
    private readonly health: HealthRegistry,
    private readonly relay: OutboxRelay,
    private readonly servers: KafkaServerFactory,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    if (this.kafkaHealth) return; // a hybrid app runs init hooks twice
    const kafkaHealth = new KafkaHealth(createKafka(this.config, this.logger, 'health').admin());
    this.kafkaHealth = kafkaHealth;
    this.health.register({ name: 'kafka', check: () => kafkaHealth.check() });
    this.health.register({
      name: 'consumer',
      check: async () => {
        const server = this.servers.current();
        const state = server?.getState() ?? 'stopped';
        const order = server?.getSequenceCounts();
        // Gaps and reorderings do not make the service unready: shown so that they are seen.
        const seen =
          order && (order.gaps > 0 || order.reordered > 0)
            ? `; sequence: ${order.gaps} gaps (${order.missing} missing), ${order.reordered} reordered`
            : '';
        return {
          ok: state === 'running' || state === 'rebalancing' || state === 'idle',
          detail: state + seen,
        };
      },
    });
    this.health.register({
      name: 'outbox',
      check: async () => {
        const status = this.relay.getStatus();
        const failing =
          status.lastErrorAt !== undefined &&
          (!status.lastSuccessAt || status.lastErrorAt > status.lastSuccessAt);
        // A message too large to publish does not make the service unready (nothing waits on it), but it is shown.
        const deadLettered = status.lastDeadLetter
          ? `; ${status.deadLettered} too large to publish, dead-lettered (last: ${status.lastDeadLetter.type} ${status.lastDeadLetter.id}, ${status.lastDeadLetter.bytes} bytes, at ${status.lastDeadLetter.at})`
          : '';
        const order =
          status.skippedSequences > 0
            ? `; ${status.skippedSequences} sequence numbers skipped (failed writes)`
            : '';
        return {
          ok: status.running && !failing,
          detail: (failing ? `failing: ${status.lastError}` : `${status.sent} sent`) + deadLettered + order,
        };
      },
    });
  }

  /**
   * Shutdown order: stop taking messages (in-flight ones finish), then send what the outbox
   * holds; only then does Nest close the store connection.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.servers.current()?.close();
    await this.relay.stop();
    await this.kafkaHealth?.close();
  }
}
