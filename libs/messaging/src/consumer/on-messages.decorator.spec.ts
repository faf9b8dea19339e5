import { describe, expect, it } from '@jest/globals';
import { EXCEPTION_FILTERS_METADATA } from '@nestjs/common/constants.js';
import { PATTERN_EXTRAS_METADATA, PATTERN_METADATA } from '@nestjs/microservices/constants.js';
import { handlerKindOf } from './handler-kinds.js';
import { IdempotentByVersion } from './idempotent-by-version.decorator.js';
import { OnMessage } from './on-message.decorator.js';
import { OnMessages } from './on-messages.decorator.js';
import { PassErrorsToTransport } from './pass-errors-to-transport.filter.js';

class Consumer {
  @OnMessage('event.created')
  plain(): void {}

  @IdempotentByVersion()
  @OnMessage('event.updated')
  idempotentBelow(): void {}

  @OnMessage('event.deleted')
  @IdempotentByVersion()
  idempotentAbove(): void {}

  @OnMessages('participant.registered', 'participant.updated')
  @IdempotentByVersion()
  batches(): void {}
}

const kindOf = (name: keyof Consumer) => {
  const method = Object.getOwnPropertyDescriptor(Consumer.prototype, name)!.value as object;
  return handlerKindOf(Reflect.getMetadata(PATTERN_EXTRAS_METADATA, method) as Record<string, unknown>);
};

describe('OnMessages and IdempotentByVersion', () => {
  it('tell the transport how a handler wants to be called, in whichever order they are written', () => {
    expect(kindOf('plain')).toEqual({ batch: false, idempotent: false });
    expect(kindOf('idempotentBelow')).toEqual({ batch: false, idempotent: true });
    expect(kindOf('idempotentAbove')).toEqual({ batch: false, idempotent: true });
    expect(kindOf('batches')).toEqual({ batch: true, idempotent: true });
  });

  it('route the message types to a batch handler, with the errors passed to the transport', () => {
    const method = Object.getOwnPropertyDescriptor(Consumer.prototype, 'batches')!.value as object;
    expect(Reflect.getMetadata(PATTERN_METADATA, method)).toEqual([
      'participant.registered',
      'participant.updated',
    ]);
    const filters = Reflect.getMetadata(EXCEPTION_FILTERS_METADATA, method) as unknown[];
    expect(filters[0]).toBeInstanceOf(PassErrorsToTransport);
  });
});
