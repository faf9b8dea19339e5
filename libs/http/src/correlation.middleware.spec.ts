import { describe, expect, it } from '@jest/globals';
import { LOGGED_PATH_LIMIT, loggedPath } from './correlation.middleware.js';

describe('the logged path', () => {
  it('is the path itself when it is of a usual length', () => {
    expect(loggedPath('/events/0191f8a4-8b0e-7c1e-9d55-3f4c2b1a0e77/history')).toBe(
      '/events/0191f8a4-8b0e-7c1e-9d55-3f4c2b1a0e77/history',
    );
  });

  it('is cut to the limit, saying so, with an email masked before the cut', () => {
    const before = `/${'a'.repeat(LOGGED_PATH_LIMIT - 6)}:`; // the email starts 4 characters before the cut
    const path = `${before}d.argandykov@enbek.kz.example/${'b'.repeat(16_000)}`;
    const logged = loggedPath(path);
    expect(logged).toBe(`${before}[ema… (${path.length} characters)`);
    expect(logged).not.toContain('argandykov');
  });
});
