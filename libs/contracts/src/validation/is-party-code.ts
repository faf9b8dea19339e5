import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { isStateCode, partyKindOf } from '../events/party-code.js';
import type { PartyKind } from '../events/event-enums.js';

const ACRONYM = /^[A-Z][A-Z0-9-]{1,15}$/;

/**
 * The code of a party: a real ISO 3166-1 alpha-3 code for a state, an acronym in capitals
 * (2 to 16 characters) for an organisation.
 */
export function IsPartyCode(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPartyCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const party = args.object as { code?: unknown; kind?: PartyKind };
          return partyKindOf(party) === 'state'
            ? isStateCode(value)
            : typeof value === 'string' && ACRONYM.test(value);
        },
        defaultMessage(args: ValidationArguments) {
          const party = args.object as { code?: unknown; kind?: PartyKind };
          return partyKindOf(party) === 'state'
            ? `${args.property} must be the ISO 3166-1 alpha-3 code of a country (e.g. KAZ), not ${JSON.stringify(args.value)}`
            : `${args.property} must be an acronym of 2 to 16 capital letters, digits or hyphens`;
        },
      },
    });
}

/** A real ISO 3166-1 alpha-3 country code, e.g. KAZ. */
export function IsCountryCode(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCountryCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: '$property must be the ISO 3166-1 alpha-3 code of a country (e.g. KAZ)',
        ...options,
      },
      validator: { validate: (value: unknown) => isStateCode(value) },
    });
}

/** The name of a party: required for an organisation (a state's name comes from ISO 3166). */
export function IsPartyName(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPartyName',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const party = args.object as { code?: unknown; kind?: PartyKind };
          if (value === undefined) return partyKindOf(party) === 'state';
          return typeof value === 'string' && value.trim().length >= 2 && value.length <= 200;
        },
        defaultMessage(args: ValidationArguments) {
          if (args.value !== undefined) return `${args.property} must be 2 to 200 characters`;
          const code = (args.object as { code?: unknown }).code;
          return /^[A-Z]{3}$/.test(String(code))
            ? `${args.property} is required: ${String(code)} is not an ISO 3166-1 alpha-3 country code, so it is taken for an organisation`
            : `${args.property} is required for an organisation`;
        },
      },
    });
}
