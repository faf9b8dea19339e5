import { createHash } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';

/** What the console must remember between sending the browser to the provider and its return. */
export interface SignInState {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** the console page to return to, a path on the console itself */
  returnTo: string;
}

const LIFETIME = '10m';

function keyOf(secret: string): Uint8Array {
  return createHash('sha256').update(secret).digest();
}

/**
 * Sealed into a short-lived cookie (encrypted, A256GCM), so any console instance can finish a
 * sign-in another one started, and the PKCE verifier never reaches the page's scripts.
 */
export async function sealSignInState(state: SignInState, secret: string): Promise<string> {
  return new EncryptJWT({ ...state })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(LIFETIME)
    .encrypt(keyOf(secret));
}

export async function openSignInState(sealed: string, secret: string): Promise<SignInState | undefined> {
  try {
    const { payload } = await jwtDecrypt(sealed, keyOf(secret));
    const { state, nonce, codeVerifier, returnTo } = payload;
    if ([state, nonce, codeVerifier, returnTo].every((v) => typeof v === 'string')) {
      return { state, nonce, codeVerifier, returnTo } as SignInState;
    }
  } catch {
    // expired or not ours: the caller starts over
  }
  return undefined;
}

/** Only paths on the console itself: never an open redirect to another site. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return '/';
  }
  return value.slice(0, 512);
}
