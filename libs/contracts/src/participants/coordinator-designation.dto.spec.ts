import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DesignateCoordinatorDto } from './coordinator-designation.dto.js';

const check = (input: object) => {
  const dto = plainToInstance(DesignateCoordinatorDto, input);
  const errors = Object.fromEntries(
    validateSync(dto).map((e) => [e.property, Object.values(e.constraints ?? {})]),
  );
  return { dto, errors };
};

describe('DesignateCoordinatorDto', () => {
  it('takes an email as the identity provider will state it: trimmed and lower-cased', () => {
    const { dto, errors } = check({ party: 'KAZ', email: '  Focal.Point@MFA.kz ', language: 'ru' });
    expect(errors).toEqual({});
    expect(dto.email).toBe('focal.point@mfa.kz');
  });

  it('refuses what is not an email, next to the field', () => {
    expect(check({ party: 'KAZ', email: 'focal point at mfa' }).errors).toEqual({
      email: ['email must be an email address such as focal.point@mfa.kz'],
    });
  });

  it('takes only the six UN languages', () => {
    expect(check({ party: 'KAZ', email: 'a@b.kz', language: 'kk' }).errors).toEqual({
      language: ['language must be one of ar, zh, en, fr, es, ru'],
    });
  });

  it('needs a party code', () => {
    expect(Object.keys(check({ email: 'a@b.kz' }).errors)).toEqual(['party']);
  });
});
