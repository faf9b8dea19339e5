import { describe, expect, it } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import type { ConsoleConfig } from '../console.config.js';
import { SameOriginGuard } from './same-origin.guard.js';

const guard = new SameOriginGuard({ CONSOLE_PUBLIC_URL: 'https://plenary.example.org' } as ConsoleConfig);
const context = (method: string, headers: Record<string, string>) =>
  ({
    switchToHttp: () => ({ getRequest: () => ({ method, header: (name: string) => headers[name] }) }),
  }) as unknown as ExecutionContext;

describe('SameOriginGuard', () => {
  it('lets reads through and changes only with the console header from its own origin', () => {
    expect(guard.canActivate(context('GET', {}))).toBe(true);
    expect(guard.canActivate(context('POST', { 'x-plenary-console': '1' }))).toBe(true);
    expect(
      guard.canActivate(context('POST', { 'x-plenary-console': '1', origin: 'https://plenary.example.org' })),
    ).toBe(true);
    expect(() => guard.canActivate(context('POST', {}))).toThrow(/did not come from the console/);
    expect(() =>
      guard.canActivate(context('DELETE', { 'x-plenary-console': '1', origin: 'https://evil.example' })),
    ).toThrow(/did not come from the console/);
  });
});
