import { describe, expect, it } from '@jest/globals';
import type { EventView } from '../../../../../../libs/contracts/src/events/event.view';
import { type AgendaItemDraft, itemBodyOf, reordered, slotProblems } from './agenda-item-body';
import { bodyOf, draftOf, EMPTY_DRAFT, patchOf } from './meeting-draft';

const meeting: EventView = {
  id: '0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a',
  title: 'Meeting of the Almaty Process',
  kind: 'meeting',
  state: 'draft',
  languages: ['ru', 'en'],
  startsAt: '2027-11-21T04:00:00.000Z',
  endsAt: '2027-11-21T13:00:00.000Z',
  timeZone: 'Asia/Almaty',
  venue: { name: 'Hotel InterContinental Almaty', city: 'Almaty', country: 'KAZ' },
  parties: [
    { code: 'KAZ', kind: 'state', name: 'Kazakhstan', standings: ['member', 'host'] },
    {
      code: 'IOM',
      kind: 'organization',
      name: 'International Organization for Migration',
      standings: ['initiator'],
    },
  ],
  hostParty: 'KAZ',
  agenda: [],
  registration: {
    opensAt: '2027-09-01T04:00:00.000Z',
    closesAt: '2027-11-07T13:00:00.000Z',
    quotaPerDelegation: 6,
  },
  version: 3,
  createdAt: '2027-09-01T08:00:00.000Z',
  updatedAt: '2027-09-02T08:00:00.000Z',
};

describe('the meeting form', () => {
  it('sends what the API accepts: times with the zone’s offset, a state without a name, an organisation with one', () => {
    expect(bodyOf(draftOf(meeting))).toEqual({
      title: 'Meeting of the Almaty Process',
      kind: 'meeting',
      languages: ['ru', 'en'],
      startsAt: '2027-11-21T09:00:00+05:00',
      endsAt: '2027-11-21T18:00:00+05:00',
      timeZone: 'Asia/Almaty',
      venue: { name: 'Hotel InterContinental Almaty', city: 'Almaty', country: 'KAZ' },
      hostParty: 'KAZ',
      parties: [
        { code: 'KAZ', kind: 'state', standings: ['member', 'host'] },
        {
          code: 'IOM',
          kind: 'organization',
          name: 'International Organization for Migration',
          standings: ['initiator'],
        },
      ],
      registration: {
        opensAt: '2027-09-01T09:00:00+05:00',
        closesAt: '2027-11-07T18:00:00+05:00',
        quotaPerDelegation: 6,
      },
    });
  });

  it('leaves out the groups left empty, and sends a quota that is no number as typed, for the contract to refuse', () => {
    const body = bodyOf({ ...EMPTY_DRAFT, title: 'A', quota: 'six' });
    expect(body).not.toHaveProperty('venue');
    expect(body).not.toHaveProperty('process');
    expect(body.registration).toEqual({ opensAt: '', closesAt: '', quotaPerDelegation: 'six' });
  });

  it('patches only what changed, an emptied optional field as null, the same instant as no change', () => {
    const before = bodyOf(draftOf(meeting));
    const draft = draftOf(meeting);
    expect(patchOf(before, bodyOf(draft))).toEqual({});
    expect(patchOf(before, { ...before, startsAt: '2027-11-21T04:00:00Z' })).toEqual({});
    expect(
      patchOf(
        before,
        bodyOf({ ...draft, title: 'New title', venueName: '', venueCity: '', venueCountry: '' }),
      ),
    ).toEqual({ title: 'New title', venue: null });
  });
});

describe('an agenda item', () => {
  const draft: AgendaItemDraft = {
    title: 'Opening',
    description: '',
    slotStartsAt: '2027-11-21T09:00',
    slotEndsAt: '2027-11-21T09:30',
    presenters: [{ name: 'Daulet Argandykov', position: '', party: 'KAZ' }],
    documents: [],
  };
  const words = { incomplete: 'incomplete', order: 'order', outside: 'outside' };

  it('has a slot in the meeting’s zone, and removes what was emptied when edited', () => {
    expect(itemBodyOf(draft, 'Asia/Almaty', false)).toEqual({
      title: 'Opening',
      slot: { startsAt: '2027-11-21T09:00:00+05:00', endsAt: '2027-11-21T09:30:00+05:00' },
      presenters: [{ name: 'Daulet Argandykov', party: 'KAZ' }],
      documents: [],
    });
    const emptied = itemBodyOf({ ...draft, slotStartsAt: '', slotEndsAt: '' }, 'Asia/Almaty', true);
    expect(emptied).toMatchObject({ description: null, slot: null });
  });

  it('is refused at the field when its slot lies outside the meeting or ends before it starts', () => {
    expect(slotProblems(draft, meeting, words)).toEqual([]);
    expect(
      slotProblems(
        { ...draft, slotStartsAt: '2027-11-21T19:00', slotEndsAt: '2027-11-21T20:00' },
        meeting,
        words,
      ),
    ).toEqual([
      { field: 'slot.startsAt', messages: ['outside'] },
      { field: 'slot.endsAt', messages: ['outside'] },
    ]);
    // 08:30 in Almaty is before the meeting, though it is after 09:00 in New York or London.
    expect(slotProblems({ ...draft, slotStartsAt: '2027-11-21T08:30' }, meeting, words)).toEqual([
      { field: 'slot.startsAt', messages: ['outside'] },
    ]);
    expect(slotProblems({ ...draft, slotEndsAt: '2027-11-21T08:59' }, meeting, words)).toEqual([
      { field: 'slot.endsAt', messages: ['outside'] },
    ]);
    expect(
      slotProblems(
        { ...draft, slotStartsAt: '2027-11-21T10:00', slotEndsAt: '2027-11-21T09:45' },
        meeting,
        words,
      ),
    ).toEqual([{ field: 'slot.endsAt', messages: ['order'] }]);
    expect(slotProblems({ ...draft, slotEndsAt: '' }, meeting, words)).toEqual([
      { field: 'slot.endsAt', messages: ['incomplete'] },
    ]);
  });

  it('moves before or after another, the rest in their order', () => {
    expect(reordered(['a', 'b', 'c'], ['c'], 'a', 'before')).toEqual(['c', 'a', 'b']);
    expect(reordered(['a', 'b', 'c'], ['a'], 'b', 'after')).toEqual(['b', 'a', 'c']);
    expect(reordered(['a', 'b', 'c'], ['a'], 'c', 'after')).toEqual(['b', 'c', 'a']);
  });
});
