import { describe, expect, it } from '@jest/globals';
import type { Principal } from '@plenary/auth';
import {
  assertCoordinatesAt,
  assertMayActFor,
  mayActFor,
  maySeeDetails,
  ownPartiesAt,
  partiesActedFor,
  rememberDesignatedParties,
} from './party-access.js';

const A = 'meeting-a';
const B = 'meeting-b';

const signedIn = (overrides: Partial<Principal> = {}): Principal => ({
  subject: `person-${Math.random()}`,
  role: 'coordinator',
  email: 'focal.point@mfa.kz',
  emailVerified: true,
  ...overrides,
});

/** A signed-in coordinator whose email the secretariat designated for KAZ at meeting A. */
const designated = (overrides: Partial<Principal> = {}) => {
  const principal = signedIn(overrides);
  rememberDesignatedParties(principal, [
    { eventId: A, party: 'KAZ' },
    { eventId: B, party: 'UZB' },
  ]);
  return principal;
};

const refusalOf = (actor: Principal, eventId: string, party: string) => {
  try {
    assertMayActFor(actor, eventId, party);
  } catch (error) {
    return error as { getStatus(): number; code: string; message: string };
  }
  return undefined;
};

describe('who may act for a party at a meeting', () => {
  it('lets the secretariat act for every party', () => {
    expect(mayActFor({ subject: 's', role: 'secretariat' }, A, 'KGZ')).toBe(true);
  });

  it('keeps token-bound coordinators to their token’s meeting and party', () => {
    const bound: Principal = { subject: 'c', role: 'coordinator', eventId: A, party: 'KAZ' };
    expect(mayActFor(bound, A, 'KAZ')).toBe(true);
    expect(mayActFor(bound, A, 'KGZ')).toBe(false);
    expect(mayActFor(bound, B, 'KAZ')).toBe(false);
    expect(refusalOf(bound, A, 'KGZ')?.message).toBe(
      `This token may act for KAZ's delegation to meeting ${A}, not for KGZ's delegation to meeting ${A}.`,
    );
  });

  it('lets a designated, verified email act for each of its parties at each of its meetings, and no other', () => {
    const person = designated();
    expect(mayActFor(person, A, 'KAZ')).toBe(true);
    expect(mayActFor(person, B, 'UZB')).toBe(true);
    expect(mayActFor(person, A, 'UZB')).toBe(false);
    expect(mayActFor(person, B, 'KAZ')).toBe(false);
    expect(maySeeDetails(person, A, 'KAZ')).toBe(true);
    expect(refusalOf(person, A, 'KGZ')).toMatchObject({
      code: 'NOT_YOUR_DELEGATION',
      message: `You (focal.point@mfa.kz) are not designated as the coordinator of KGZ at meeting ${A}, or the designation was revoked. Ask the meeting's secretariat to designate you.`,
    });
    expect(refusalOf(person, A, 'KGZ')?.getStatus()).toBe(403);
  });

  it('ignores designations while the identity provider has not verified the email, and says so', () => {
    const person = designated({ emailVerified: false });
    expect(mayActFor(person, A, 'KAZ')).toBe(false);
    expect(partiesActedFor(person, A)).toEqual([]);
    expect(refusalOf(person, A, 'KAZ')?.message).toContain(
      'Your identity provider has not verified your email address (focal.point@mfa.kz)',
    );
  });

  it('refuses a sign-in without an email in plain words', () => {
    expect(refusalOf(signedIn({ email: undefined }), A, 'KAZ')?.message).toContain(
      'Your sign-in carries no email address',
    );
  });

  it('gives nothing to a request whose designations were not loaded (or are none any more)', () => {
    expect(mayActFor(signedIn(), A, 'KAZ')).toBe(false);
    const revoked = signedIn();
    rememberDesignatedParties(revoked, []);
    expect(mayActFor(revoked, A, 'KAZ')).toBe(false);
  });

  it('never lets an observer act, designated or not', () => {
    const observer = designated({ role: 'observer' });
    expect(mayActFor(observer, A, 'KAZ')).toBe(false);
    expect(maySeeDetails(observer, A, 'KAZ')).toBe(false);
  });

  it('lists the parties a coordinator sees their own records of, at one meeting', () => {
    expect(partiesActedFor(designated(), A)).toEqual(['KAZ']);
    expect(partiesActedFor(designated({ eventId: A, party: 'KGZ' }), A)).toEqual(['KGZ', 'KAZ']);
    // As before: a token's party, whatever meeting is listed.
    expect(partiesActedFor({ subject: 'c', role: 'coordinator', eventId: B, party: 'KAZ' }, A)).toEqual([
      'KAZ',
    ]);
    expect(partiesActedFor({ subject: 's', role: 'secretariat' }, A)).toEqual([]);
  });

  it('lists the parties a coordinator may act for at one meeting, for their own exports', () => {
    expect(ownPartiesAt(designated({ eventId: A, party: 'KGZ' }), A)).toEqual(['KGZ', 'KAZ']);
    expect(ownPartiesAt({ subject: 'c', role: 'coordinator', eventId: B, party: 'KAZ' }, A)).toEqual([]);
    expect(ownPartiesAt(designated({ emailVerified: false }), A)).toEqual([]);
  });

  it('gives a coordinator’s exports their parties at the meeting, or a 403 that says why', () => {
    expect(assertCoordinatesAt(designated(), A)).toEqual(['KAZ']);
    expect(assertCoordinatesAt({ subject: 'c', role: 'coordinator', eventId: A, party: 'KGZ' }, A)).toEqual([
      'KGZ',
    ]);
    const stranger = signedIn({ email: 'someone@mfa.kz' });
    rememberDesignatedParties(stranger, []);
    expect(() => assertCoordinatesAt(stranger, A)).toThrow(
      `You (someone@mfa.kz) are not designated as a coordinator of any party at meeting ${A}, or the designation was revoked. Ask the meeting's secretariat to designate you.`,
    );
    expect(() =>
      assertCoordinatesAt({ subject: 'c', role: 'coordinator', eventId: B, party: 'KAZ' }, A),
    ).toThrow(
      `This token may act for KAZ's delegation to meeting ${B}, not for KAZ's delegation to meeting ${A}.`,
    );
  });
});
