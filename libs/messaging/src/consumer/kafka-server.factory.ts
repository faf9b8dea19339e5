import { Inject, Injectable } from '@nestjs/common';
import { ServiceConfig } from '@plenary/config';
import { LOGGER, type Logger } from '@plenary/observability';
import { TopicNames } from '../kafka/topic-names.js';
import { Inbox } from './inbox.js';
import { PlenaryKafkaServer } from './plenary-kafka-server.js';

/** Builds the app's Kafka transport (it lives outside Nest's container, as every transport does). */
@Injectable()
export class KafkaServerFactory {
  private server: PlenaryKafkaServer | undefined;

  constructor(
    private readonly config: ServiceConfig,
    private readonly topics: TopicNames,
    private readonly inbox: Inbox,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  create(): PlenaryKafkaServer {
    this.server ??= new PlenaryKafkaServer({
      config: this.config,
      logger: this.logger,
      topics: this.topics,
      inbox: this.inbox,
    });
    return this.server;
  }

  /** The transport, once the app has connected it. */
  current(): PlenaryKafkaServer | undefined {
    return this.server;
  }
}
