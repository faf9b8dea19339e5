import { describe, expect, it } from '@jest/globals';
import type { EventView } from '@plenary/contracts';
import { diffEvent } from './event-changes.js';
import { applyUpdate, eventFromInput, shiftAgenda } from './event-input.js';

let ids = 0;
const newId = () => `item-${++ids}`;

const draft = (): EventView =>
  eventFromInput(
    {
      title: 'Meeting',
      kind: 'meeting',
      startsAt: '2027-03-01T10:00:00+01:00',
      endsAt: '2027-03-01T18:00:00+01:00',
      timeZone: 'Europe/Vienna',
      venue: { name: 'Vienna International Centre', city: 'Vienna', country: 'AUT' },
      parties: [
        { code: 'AUT', standings: ['host'] },
        { code: 'IOM', name: 'International Organization for Migration', standings: ['initiator'] },
      ],
      agenda: [
        {
          title: 'Opening',
          slot: { startsAt: '2027-03-01T10:00:00+01:00', endsAt: '2027-03-01T10:30:00+01:00' },
        },
      ],
    },
    'e-1',
    new Date('2027-01-01T00:00:00Z'),
    newId,
  );

describe('eventFromInput', () => {
  it('builds a draft in UTC, with party names from ISO 3166', () => {
    const event = draft();
    expect(event).toMatchObject({
      state: 'draft',
      version: 1,
      startsAt: '2027-03-01T09:00:00.000Z',
      languages: [],
    });
    expect(event.parties.map((p) => [p.code, p.kind, p.name])).toEqual([
      ['AUT', 'state', 'Austria'],
      ['IOM', 'organization', 'International Organization for Migration'],
    ]);
    expect(event.agenda[0]).toMatchObject({
      id: expect.stringMatching(/^item-/),
      slot: { startsAt: '2027-03-01T09:00:00.000Z' },
    });
  });
});

describe('applyUpdate', () => {
  it('changes what is sent, removes optional fields sent as null, keeps the rest', () => {
    const event = applyUpdate(draft(), { title: 'Renamed', venue: null } as never);
    expect(event.title).toBe('Renamed');
    expect(event.venue).toBeUndefined();
    expect(event.timeZone).toBe('Europe/Vienna');
  });

  it('refuses to remove a required field', () => {
    expect(() => applyUpdate(draft(), { title: null } as never)).toThrow(
      expect.objectContaining({ errors: [{ field: 'title', messages: ['title cannot be removed'] }] }),
    );
  });
});

describe('shiftAgenda', () => {
  it('moves slots with the start of the meeting', () => {
    const event = draft();
    const previous = event.startsAt;
    event.startsAt = '2027-03-08T09:00:00.000Z';
    shiftAgenda(event, previous);
    expect(event.agenda[0].slot).toEqual({
      startsAt: '2027-03-08T09:00:00.000Z',
      endsAt: '2027-03-08T09:30:00.000Z',
    });
  });
});

describe('diffEvent', () => {
  it('lists the fields a change touched, with before and after, and nothing else', () => {
    const before = draft();
    const after = {
      ...structuredClone(before),
      title: 'Renamed',
      version: 2,
      updatedAt: '2027-02-01T00:00:00.000Z',
    };
    delete after.venue;
    expect(diffEvent(before, after)).toEqual([
      { field: 'title', before: 'Meeting', after: 'Renamed' },
      { field: 'venue', before: before.venue },
    ]);
  });
});
