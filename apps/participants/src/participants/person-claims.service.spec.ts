import { describe, expect, it } from '@jest/globals';
import type { Model } from 'mongoose';
import { PersonClaims } from './person-claims.service.js';
import type { PersonClaim } from './schemas/person-claim.schema.js';

const duplicateKey = () => Object.assign(new Error('E11000 duplicate key'), { code: 11000 });
const holder = { participantId: 'p-2', delegationId: 'd-2', partyName: 'Afghanistan', holdId: 'h-2' };

/** A model whose create and findById answer as scripted, recording what was created. */
function fakeClaims(script: { creates: Array<'ok' | 'duplicate'>; found: Array<PersonClaim | null> }) {
  const created: unknown[] = [];
  const model = {
    create: async (doc: unknown) => {
      if (script.creates.shift() === 'duplicate') throw duplicateKey();
      created.push(doc);
      return doc;
    },
    findById: () => ({ lean: () => ({ exec: async () => script.found.shift() ?? null }) }),
  };
  return { claims: new PersonClaims(model as unknown as Model<PersonClaim>), created };
}

describe('PersonClaims.claim', () => {
  it('claims again when the claim in the way was given back between its two steps', async () => {
    const { claims, created } = fakeClaims({ creates: ['duplicate', 'ok'], found: [null] });
    expect(await claims.claim('e-1', 'a@example.org', holder)).toBeUndefined();
    // Held for real: the second insert went through (not a success made up from a vanished claim).
    expect(created).toEqual([{ _id: 'e-1:a@example.org', ...holder }]);
  });

  it('returns the claim that stands in the way, even if it is the same person’s other attempt', async () => {
    const other = {
      _id: 'e-1:a@example.org',
      participantId: 'p-2',
      delegationId: 'd-2',
      partyName: 'Afghanistan',
      holdId: 'h-1',
    };
    const { claims, created } = fakeClaims({ creates: ['duplicate'], found: [other] });
    expect(await claims.claim('e-1', 'a@example.org', holder)).toEqual(other);
    expect(created).toEqual([]);
  });
});
