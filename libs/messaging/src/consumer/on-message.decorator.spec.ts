import { describe, expect, it } from '@jest/globals';
import { EXCEPTION_FILTERS_METADATA } from '@nestjs/common/constants.js';
import { PATTERN_METADATA } from '@nestjs/microservices/constants.js';
import { firstValueFrom } from 'rxjs';
import { OnMessage } from './on-message.decorator.js';
import { PassErrorsToTransport } from './pass-errors-to-transport.filter.js';

class Consumer {
  @OnMessage('event.created', 'event.updated')
  handle(): void {}
}

describe('OnMessage', () => {
  const method = Object.getOwnPropertyDescriptor(Consumer.prototype, 'handle')!.value as object;

  it('routes the message types to the method', () => {
    expect(Reflect.getMetadata(PATTERN_METADATA, method)).toEqual(['event.created', 'event.updated']);
  });

  it("hands the handler's own error to the transport, not Nest's opaque 'Internal server error'", async () => {
    const filters = Reflect.getMetadata(EXCEPTION_FILTERS_METADATA, method) as unknown[];
    expect(filters).toHaveLength(1);
    const filter = filters[0] as PassErrorsToTransport;
    expect(filter).toBeInstanceOf(PassErrorsToTransport);
    const outage = new Error('connection 7 to 127.0.0.1:27017 timed out');
    await expect(firstValueFrom(filter.catch(outage))).rejects.toBe(outage);
  });
});
