import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthErrorCode, AuthException } from './auth.exception.js';
import { IS_PUBLIC, ROLES_ALLOWED } from './auth.decorators.js';
import type { Principal, Role } from './principal.js';
import { TokenVerifier } from './token-verifier.js';

/** Every HTTP route needs a valid bearer token unless marked @Public; @Roles narrows who may call. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // Kafka handlers are not called by users
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const header = request.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      throw new AuthException(
        AuthErrorCode.UNAUTHENTICATED,
        'Send a bearer token: Authorization: Bearer <token>.',
      );
    }
    const principal = await this.verifier.verify(match[1]);
    request.principal = principal;

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_ALLOWED, targets);
    if (allowed && !allowed.includes(principal.role)) {
      throw new AuthException(
        AuthErrorCode.FORBIDDEN,
        `Only ${allowed.join(' or ')} may do this; this token is for a ${principal.role}.`,
      );
    }
    return true;
  }
}
