import { describe, expect, it } from '@jest/globals';
import { ServiceConfig } from '@plenary/config';
import { SignJWT, UnsecuredJWT } from 'jose';
import { AuthException } from './auth.exception.js';
import { issueToken } from './token-issuer.js';
import { TokenVerifier } from './token-verifier.js';

const SECRET = 'the-local-secret-of-at-least-32-chars';

class TestConfig extends ServiceConfig {
  readonly service = 'test';
  override AUTH_JWT_SECRET = SECRET;
}

const verifier = new TokenVerifier(new TestConfig());

async function refusal(token: string): Promise<AuthException> {
  try {
    await verifier.verify(token);
  } catch (error) {
    return error as AuthException;
  }
  throw new Error('expected the token to be refused');
}

describe('TokenVerifier', () => {
  it('reads a secretariat token', async () => {
    const token = await issueToken(
      { subject: 's-1', role: 'secretariat', name: 'Desk officer' },
      { secret: SECRET },
    );
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 's-1',
      role: 'secretariat',
      name: 'Desk officer',
    });
  });

  it("reads a coordinator token's meeting and party", async () => {
    const token = await issueToken(
      { subject: 'c-1', role: 'coordinator', eventId: 'e-1', party: 'KAZ' },
      { secret: SECRET },
    );
    await expect(verifier.verify(token)).resolves.toMatchObject({
      role: 'coordinator',
      eventId: 'e-1',
      party: 'KAZ',
    });
  });

  it('refuses an expired token with its own code', async () => {
    const token = await new SignJWT({ role: 'observer' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('o-1')
      .setIssuer('plenary')
      .setAudience('plenary')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(SECRET));
    expect((await refusal(token)).code).toBe('TOKEN_EXPIRED');
  });

  it('refuses a token signed with another key', async () => {
    const token = await issueToken(
      { subject: 's-1', role: 'secretariat' },
      { secret: 'another-secret-of-at-least-32-chars!!' },
    );
    expect((await refusal(token)).code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const token = new UnsecuredJWT({ role: 'secretariat' })
      .setSubject('s-1')
      .setIssuer('plenary')
      .setAudience('plenary')
      .setExpirationTime('1h')
      .encode();
    expect((await refusal(token)).getStatus()).toBe(401);
  });

  it('refuses a token for another audience', async () => {
    const token = await issueToken(
      { subject: 's-1', role: 'secretariat' },
      { secret: SECRET, audience: 'other-app' },
    );
    expect((await refusal(token)).code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown role and a coordinator without meeting and party', async () => {
    const chair = await new SignJWT({ role: 'chair' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('plenary')
      .setAudience('plenary')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    expect((await refusal(chair)).message).toMatch(/role must be one of secretariat, coordinator, observer/);
    const coordinator = await issueToken({ subject: 'c', role: 'coordinator' }, { secret: SECRET });
    expect((await refusal(coordinator)).message).toMatch(/must name its event_id and party/);
  });
});
