import { describe, expect, it } from '@jest/globals';
import { CreateEventDto } from '../../../../../libs/contracts/src/events/create-event.dto';
import { RegisterParticipantDto } from '../../../../../libs/contracts/src/participants/register-participant.dto';
import { validateWithContract, withoutBlanks } from './validate-with-contract';

describe('validateWithContract', () => {
  it("refuses what the API's own class refuses, with the API's field paths", async () => {
    const errors = await validateWithContract(RegisterParticipantDto, {
      name: { given: '', family: 'Аргандыков' },
      role: 'chief',
      email: 'not-an-email',
    });
    expect(errors.map((e) => e.field).sort()).toEqual(['email', 'name.given', 'role']);
  });

  it('names a field inside an array as the API does: parties[1].code', async () => {
    const errors = await validateWithContract(CreateEventDto, {
      title: 'Meeting of the Almaty Process',
      kind: 'meeting',
      startsAt: '2027-11-21T09:00:00+05:00',
      endsAt: '2027-11-21T18:00:00+05:00',
      timeZone: 'Asia/Almaty',
      parties: [
        { code: 'KAZ', standings: ['member'] },
        { code: 'XYZ', kind: 'state', standings: ['member'] },
      ],
    });
    expect(errors.map((e) => e.field)).toEqual(['parties[1].code']);
  });

  it('accepts a valid person', async () => {
    const person = {
      name: { given: 'Daulet', family: 'Argandykov' },
      role: 'head',
      email: 'd.a@mfa.kz.example',
    };
    await expect(validateWithContract(RegisterParticipantDto, person)).resolves.toEqual([]);
  });
});

describe('withoutBlanks', () => {
  it('leaves out empty fields, also nested ones', () => {
    expect(withoutBlanks({ a: '', b: 'x', name: { given: 'A', givenLatin: '' } })).toEqual({
      b: 'x',
      name: { given: 'A' },
    });
  });
});
