import { describe, expect, it } from '@jest/globals';
import { defineMessage, Topics } from '@plenary/contracts';
import { versionsToPublish } from './outbox.service.js';

class CurrentPayload {
  fullName: string;
}
class OldPayload {
  name: string;
}

const definition = defineMessage({
  type: 'example.renamed',
  version: 2,
  topic: Topics.events,
  payload: CurrentPayload,
  description: 'An example of a new version published beside the old one.',
  previous: [
    {
      version: 1,
      payload: OldPayload,
      until: '2027-06-30',
      downgrade: (p: CurrentPayload) => ({ name: p.fullName }),
    },
  ],
});

describe('versionsToPublish', () => {
  it('publishes the old version beside the new one until its announced end', () => {
    expect(
      versionsToPublish(definition, { fullName: 'Daulet Argandykov' }, new Date('2027-06-30T23:00:00Z')),
    ).toEqual([
      { version: 2, data: { fullName: 'Daulet Argandykov' } },
      { version: 1, data: { name: 'Daulet Argandykov' } },
    ]);
  });

  it('stops publishing it after that day', () => {
    expect(
      versionsToPublish(definition, { fullName: 'Daulet Argandykov' }, new Date('2027-07-01T00:00:00Z')),
    ).toEqual([{ version: 2, data: { fullName: 'Daulet Argandykov' } }]);
  });
});
