import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

interface WithReplicationFactor {
  KAFKA_TOPIC_REPLICATION_FACTOR: number;
}

/**
 * min.insync.replicas above the replication factor makes every acks=all write fail with
 * NOT_ENOUGH_REPLICAS: refused at boot rather than on the first message.
 */
export function AtMostReplicationFactor(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'atMostReplicationFactor',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args: ValidationArguments) =>
          `must not exceed KAFKA_TOPIC_REPLICATION_FACTOR (${(args.object as WithReplicationFactor).KAFKA_TOPIC_REPLICATION_FACTOR})`,
        ...options,
      },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const replicas = (args.object as WithReplicationFactor).KAFKA_TOPIC_REPLICATION_FACTOR;
          return typeof value !== 'number' || replicas === -1 || value <= replicas;
        },
      },
    });
  };
}
