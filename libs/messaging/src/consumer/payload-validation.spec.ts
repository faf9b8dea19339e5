import { describe, expect, it } from '@jest/globals';
import { MessageCatalog } from '@plenary/contracts';
import { PoisonMessageError } from '../cloud-events/poison-message.error.js';
import { validatePayload } from './payload-validation.js';

const delegation = {
  id: 'd-1',
  eventId: 'e-1',
  party: { code: 'KAZ', kind: 'state', name: 'Kazakhstan' },
  state: 'registered',
  version: 1,
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
};

describe('validatePayload', () => {
  it('accepts a payload that matches its contract, and fields the contract does not know yet', () => {
    const payload = validatePayload(MessageCatalog['delegation.registered'], {
      delegation: { ...delegation, futureField: 1 },
    });
    expect(payload).toMatchObject({ delegation: { id: 'd-1' } });
  });

  it('names what is wrong', () => {
    const bad = { delegation: { ...delegation, state: 'lost', party: { code: 'KAZ' } } };
    expect(() => validatePayload(MessageCatalog['delegation.registered'], bad)).toThrow(
      expect.objectContaining({
        reason: 'invalid-payload',
        message: expect.stringMatching(
          /delegation\.party\.kind: .*delegation\.party\.name: .*delegation\.state: /s,
        ),
      }),
    );
  });

  it('refuses a payload that is not an object', () => {
    expect(() => validatePayload(MessageCatalog['delegation.registered'], [1, 2])).toThrow(
      PoisonMessageError,
    );
  });
});
