// Nest's decorators read and write metadata as their modules load: the polyfill comes first, also
// for the command-line tools that import this library without a Nest app.
import 'reflect-metadata';
export * from './cloud-events/cloud-event-codec.js';
export * from './cloud-events/poison-message.error.js';
export * from './consumer/dead-letter.js';
export * from './consumer/idempotent-by-version.decorator.js';
export * from './consumer/inbox.js';
export * from './consumer/kafka-server.factory.js';
export * from './consumer/on-message.decorator.js';
export * from './consumer/on-messages.decorator.js';
export * from './consumer/pass-errors-to-transport.filter.js';
export * from './consumer/payload-validation.js';
export * from './consumer/plenary-kafka-server.js';
export * from './kafka/kafka-acls.js';
export * from './kafka/kafka-client.js';
export * from './kafka/read-topic.js';
export * from './kafka/topic-names.js';
export * from './kafka/topic-provisioner.js';
export * from './messaging.module.js';
export * from './messaging.options.js';
export * from './outbox/byte-batches.js';
export * from './outbox/outbox-carrier.js';
export * from './outbox/outbox-relay.js';
export * from './outbox/outbox-sequences.js';
export * from './outbox/outbox.service.js';
export * from './outbox/publish-order.js';
