import { describe, expect, it } from '@jest/globals';
import type { ParticipantSummaryView } from '@libs/contracts/src/participants/participant.view';
import {
  attending,
  busiest,
  checkInRows,
  genderRows,
  partyRows,
  representedParties,
  shownGenders,
  unrepresentedParties,
} from './attendance-figures';

const summary: ParticipantSummaryView = {
  eventId: 'e1',
  total: 7,
  byState: { accredited: 4, pending: 1, rejected: 1, withdrawn: 1 },
  byRole: { head: 2, member: 3 },
  byGender: { female: 2, male: 2, unknown: 1 },
  headsByGender: { male: 2 },
  checkedIn: 3,
  checkInsOverTime: {
    bucketMinutes: 5,
    timeZone: 'Asia/Kabul',
    buckets: [
      { startsAt: '2027-11-21T03:30:00.000Z', count: 1 },
      { startsAt: '2027-11-21T03:35:00.000Z', count: 0 },
      { startsAt: '2027-11-21T03:40:00.000Z', count: 2 },
    ],
  },
  byParty: [
    {
      party: { code: 'AFG', kind: 'state', name: 'Afghanistan' },
      total: 2,
      byState: { rejected: 1, withdrawn: 1 },
      checkedIn: 0,
    },
    {
      party: { code: 'KAZ', kind: 'state', name: 'Kazakhstan' },
      total: 5,
      byState: { accredited: 4, pending: 1 },
      checkedIn: 3,
    },
  ],
};

describe('attendance figures', () => {
  it('counts attending as pending and accredited', () => {
    expect(attending(summary)).toBe(5);
  });

  it('gives each party its states and who of the accredited is present or still expected', () => {
    expect(partyRows(summary)[1]).toEqual({
      code: 'KAZ',
      name: 'Kazakhstan',
      total: 5,
      accredited: 4,
      present: 3,
      expected: 1,
      pending: 1,
      rejected: 0,
      withdrawn: 0,
    });
  });

  it('takes a party as represented only with someone attending', () => {
    expect(representedParties(summary)).toEqual(['KAZ']);
    const invited = ['AFG', 'KAZ', 'TJK'].map((code) => ({ code, name: code }) as never);
    expect(unrepresentedParties(summary, invited).map((p: { code: string }) => p.code)).toEqual([
      'AFG',
      'TJK',
    ]);
  });

  it('gives the share of women and men among all and among heads, none for an empty group', () => {
    const [all, heads] = genderRows(summary);
    expect(all).toMatchObject({ group: 'all', total: 5, women: 0.4, men: 0.4 });
    expect(all!.counts).toEqual({ female: 2, male: 2, other: 0, undisclosed: 0, unknown: 1 });
    expect(heads).toMatchObject({ group: 'heads', total: 2, women: 0, men: 1 });
    const nobody = genderRows({ ...summary, headsByGender: {} })[1]!;
    expect(nobody.total).toBe(0);
    expect(nobody.women).toBeUndefined();
    expect(shownGenders([all!, heads!])).toEqual(['female', 'male', 'unknown']);
  });

  it('adds up those present interval by interval, and finds the busiest', () => {
    const rows = checkInRows(summary.checkInsOverTime);
    expect(rows.map((r) => [r.endsAt, r.count, r.present])).toEqual([
      ['2027-11-21T03:35:00.000Z', 1, 1],
      ['2027-11-21T03:40:00.000Z', 0, 1],
      ['2027-11-21T03:45:00.000Z', 2, 3],
    ]);
    expect(busiest(rows)?.startsAt).toBe('2027-11-21T03:40:00.000Z');
    expect(busiest([])).toBeUndefined();
  });
});
