import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { CreateEventDto } from './create-event.dto.js';

const valid = {
  title: 'Meeting of representatives of member states of the Almaty Process',
  kind: 'meeting',
  startsAt: '2027-11-21T09:00:00+06:00',
  endsAt: '2027-11-21T18:00:00+06:00',
  timeZone: 'Asia/Almaty',
  venue: { name: 'Hotel InterContinental', city: 'Almaty', country: 'KAZ' },
  parties: [
    { code: 'KAZ', standings: ['chair'] },
    { code: 'UNHCR', name: 'Office of the UN High Commissioner for Refugees', standings: ['initiator'] },
  ],
};

function flatten(errors: ValidationError[], parent = ''): Record<string, string[]> {
  return Object.assign(
    {},
    ...errors.map((e) => {
      const path = parent ? `${parent}.${e.property}` : e.property;
      return {
        ...(e.constraints ? { [path]: Object.values(e.constraints) } : {}),
        ...flatten(e.children ?? [], path),
      };
    }),
  );
}

const problems = (input: object) => flatten(validateSync(plainToInstance(CreateEventDto, input)));

describe('CreateEventDto', () => {
  it('accepts the seed meeting', () => {
    expect(problems(valid)).toEqual({});
  });

  it('refuses a time zone that is not IANA', () => {
    expect(problems({ ...valid, timeZone: 'GMT+6' })).toEqual({
      timeZone: ['timeZone must be an IANA time zone such as Asia/Almaty'],
    });
  });

  it('refuses a state code that is not ISO 3166-1 alpha-3', () => {
    expect(
      problems({
        ...valid,
        parties: [
          { code: 'KAZ', kind: 'state', standings: ['chair'] },
          { code: 'KZX', kind: 'state', standings: ['member'] },
        ],
      }),
    ).toEqual({
      'parties.1.code': ['code must be the ISO 3166-1 alpha-3 code of a country (e.g. KAZ), not "KZX"'],
    });
  });

  it('takes a three-letter code that is no country for an organisation, which needs a name', () => {
    expect(problems({ ...valid, parties: [{ code: 'XYZ', standings: ['member'] }] })).toEqual({
      'parties.0.name': [
        'name is required: XYZ is not an ISO 3166-1 alpha-3 country code, so it is taken for an organisation',
      ],
    });
  });

  it('refuses a party listed twice', () => {
    expect(
      problems({
        ...valid,
        parties: [
          { code: 'KAZ', standings: ['chair'] },
          { code: 'KAZ', standings: ['member'] },
        ],
      }),
    ).toEqual({
      parties: ['parties must not list a party twice'],
    });
  });

  it('refuses working languages that are not ISO 639-1', () => {
    expect(problems({ ...valid, languages: ['ru', 'russian'] })).toEqual({
      languages: ['languages must hold ISO 639-1 language codes such as en, ru or kk'],
    });
  });

  it('refuses a party without a standing', () => {
    expect(problems({ ...valid, parties: [{ code: 'KAZ', standings: [] }] })).toEqual({
      'parties.0.standings': ['standings must contain at least 1 elements'],
    });
  });

  it('refuses an agenda document that is not a web link', () => {
    const agenda = [{ title: 'Opening', documents: [{ title: 'Notes', url: 'file:///etc/passwd' }] }];
    expect(Object.keys(problems({ ...valid, agenda }))).toEqual(['agenda.0.documents.0.url']);
  });

  it('refuses an unknown kind and standing', () => {
    const result = problems({ ...valid, kind: 'party', parties: [{ code: 'KAZ', standings: ['boss'] }] });
    expect(Object.keys(result)).toEqual(['kind', 'parties.0.standings']);
  });
});
