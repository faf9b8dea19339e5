import { describe, expect, it } from '@jest/globals';
import { openSignInState, safeReturnPath, sealSignInState } from './sign-in-state.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const state = { state: 's', nonce: 'n', codeVerifier: 'v'.repeat(43), returnTo: '/meetings' };

describe('sign-in state cookie', () => {
  it('opens what it sealed, and nothing sealed with another key or altered', async () => {
    const sealed = await sealSignInState(state, SECRET);
    expect(sealed).not.toContain(state.codeVerifier);
    await expect(openSignInState(sealed, SECRET)).resolves.toEqual(state);
    await expect(openSignInState(sealed, `${SECRET}x`)).resolves.toBeUndefined();
    const altered = sealed.slice(0, -2) + (sealed.endsWith('AA') ? 'BB' : 'AA');
    await expect(openSignInState(altered, SECRET)).resolves.toBeUndefined();
  });
});

describe('safeReturnPath', () => {
  it('keeps paths on the console and refuses anything that leaves it', () => {
    expect(safeReturnPath('/delegations/1/KAZ?x=1')).toBe('/delegations/1/KAZ?x=1');
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'meetings',
      42,
      undefined,
    ]) {
      expect(safeReturnPath(bad)).toBe('/');
    }
  });
});
