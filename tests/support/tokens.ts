import { issueToken, type Principal } from '@plenary/auth';

/** The shared secret the services under test verify tokens with. */
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256';

export function tokenFor(principal: Principal, expiresIn = '1h'): Promise<string> {
  return issueToken(principal, { secret: TEST_JWT_SECRET, expiresIn });
}

export const secretariat = () =>
  tokenFor({ subject: 'secretariat-1', role: 'secretariat', name: 'Secretariat' });
export const observer = () => tokenFor({ subject: 'observer-1', role: 'observer' });
export const coordinator = (eventId: string, party: string) =>
  tokenFor({ subject: `coordinator-${party}`, role: 'coordinator', eventId, party });
