import { describe, expect, it } from '@jest/globals';
import type { EventView } from '@plenary/contracts';
import { checkEventRules, withPartyRoles } from './event-rules.js';

const NOW = new Date('2027-01-10T12:00:00.000Z');

function meeting(overrides: Partial<EventView> = {}): EventView {
  return {
    id: 'e-1',
    title: 'Meeting',
    kind: 'meeting',
    state: 'draft',
    languages: ['en'],
    startsAt: '2027-03-01T09:00:00.000Z',
    endsAt: '2027-03-01T17:00:00.000Z',
    timeZone: 'Europe/Vienna',
    parties: [
      { code: 'KAZ', kind: 'state', name: 'Kazakhstan', standings: ['member'] },
      { code: 'AFG', kind: 'state', name: 'Afghanistan', standings: ['member'] },
    ],
    agenda: [],
    version: 1,
    createdAt: '2027-01-01T00:00:00.000Z',
    updatedAt: '2027-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const fields = (event: EventView, before?: EventView) =>
  checkEventRules(event, NOW, before).map((e) => e.field);

describe('checkEventRules', () => {
  it('accepts a consistent meeting', () => {
    expect(checkEventRules(meeting(), NOW)).toEqual([]);
  });

  it('refuses an end before the start', () => {
    expect(checkEventRules(meeting({ endsAt: '2027-03-01T08:00:00.000Z' }), NOW)).toEqual([
      { field: 'endsAt', messages: ['endsAt must not be before startsAt'] },
    ]);
  });

  it('refuses a start in the past when it is set, but not a past start left as it was', () => {
    const past = meeting({ startsAt: '2027-01-01T09:00:00.000Z', endsAt: '2027-01-01T17:00:00.000Z' });
    expect(fields(past)).toEqual(['startsAt']);
    expect(fields({ ...past, title: 'Renamed' }, past)).toEqual([]);
  });

  it('checks the registration window against itself, the meeting and now', () => {
    const window = (opensAt: string, closesAt: string) =>
      meeting({ registration: { opensAt, closesAt, quotaPerDelegation: 5 } });
    expect(fields(window('2027-02-01T00:00:00Z', '2027-01-20T00:00:00Z'))).toEqual(['registration.closesAt']);
    expect(fields(window('2027-02-01T00:00:00Z', '2027-03-02T00:00:00Z'))).toEqual(['registration.closesAt']);
    expect(fields(window('2026-12-01T00:00:00Z', '2027-01-05T00:00:00Z'))).toEqual(['registration.closesAt']);
    expect(fields(window('2026-12-01T00:00:00Z', '2027-02-20T00:00:00Z'))).toEqual([]);
  });

  it('refuses a chair or host that is not a party', () => {
    expect(checkEventRules(meeting({ chairParty: 'TUR' }), NOW)).toEqual([
      { field: 'chairParty', messages: ['chairParty TUR is not one of the parties of this meeting'] },
    ]);
    expect(fields(meeting({ hostParty: 'TUR' }))).toEqual(['hostParty']);
  });

  it('refuses two chairs', () => {
    const event = meeting();
    event.parties.forEach((p) => p.standings.push('chair'));
    expect(fields(event)).toEqual(['parties']);
  });

  it('refuses an agenda slot outside the meeting, or ending before it starts', () => {
    const item = (startsAt: string, endsAt: string) => ({
      id: 'a',
      title: 'Item',
      slot: { startsAt, endsAt },
      presenters: [],
      documents: [],
    });
    expect(fields(meeting({ agenda: [item('2027-03-01T08:00:00Z', '2027-03-01T10:00:00Z')] }))).toEqual([
      'agenda[0].slot.startsAt',
    ]);
    expect(fields(meeting({ agenda: [item('2027-03-01T10:00:00Z', '2027-03-01T09:30:00Z')] }))).toEqual([
      'agenda[0].slot.endsAt',
    ]);
    expect(fields(meeting({ agenda: [item('2027-03-01T09:00:00Z', '2027-03-01T17:00:00Z')] }))).toEqual([]);
  });

  it('refuses a presenter speaking for a party that is not invited', () => {
    const agenda = [{ id: 'a', title: 'Item', presenters: [{ name: 'X', party: 'UNAMA' }], documents: [] }];
    expect(fields(meeting({ agenda }))).toEqual(['agenda[0].presenters[0].party']);
  });
});

describe('withPartyRoles', () => {
  it('gives the named chair and host their standings', () => {
    const event = withPartyRoles(meeting({ chairParty: 'KAZ', hostParty: 'KAZ' }));
    expect(event.parties[0].standings).toEqual(['member', 'host', 'chair']);
  });

  it('names the chair from the one party that holds the standing', () => {
    const event = meeting();
    event.parties[1].standings.push('chair');
    expect(withPartyRoles(event).chairParty).toBe('AFG');
  });
});
