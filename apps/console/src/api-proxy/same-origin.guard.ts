import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ConsoleConfig } from '../console.config.js';
import { SignInErrorCode, SignInException } from '../sign-in/sign-in.exception.js';

export const CONSOLE_HEADER = 'x-plenary-console';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery: a change must carry the console's own header, which another site
 * cannot send without a CORS preflight the console never grants, and, when the browser says
 * where it comes from, come from the console's own origin. (The SameSite=Lax cookie is the
 * first line; this is the second.)
 */
@Injectable()
export class SameOriginGuard implements CanActivate {
  private readonly origin: string;

  constructor(config: ConsoleConfig) {
    this.origin = new URL(config.CONSOLE_PUBLIC_URL).origin;
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method)) return true;
    const origin = request.header('origin');
    if (request.header(CONSOLE_HEADER) !== '1' || (origin && origin !== this.origin)) {
      throw new SignInException(
        SignInErrorCode.NOT_FROM_CONSOLE,
        'This change did not come from the console page; reload the console and try again.',
      );
    }
    return true;
  }
}
