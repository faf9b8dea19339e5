import { Injectable } from '@nestjs/common';
import { ServiceConfig } from '@plenary/config';
import { deadLetterTopic, type TopicName } from '@plenary/contracts';

/** Physical topic names: the contract's logical names with the deployment's prefix. */
@Injectable()
export class TopicNames {
  constructor(private readonly config: ServiceConfig) {}

  resolve(topic: TopicName): string {
    return this.config.KAFKA_TOPIC_PREFIX + topic;
  }

  /** This service's dead-letter topic. */
  deadLetter(): string {
    return this.config.KAFKA_TOPIC_PREFIX + deadLetterTopic(this.config.consumerGroup);
  }
}
