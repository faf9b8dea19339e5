import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal, Role } from './principal.js';

export const IS_PUBLIC = 'plenary:public';
export const ROLES_ALLOWED = 'plenary:roles';

/** No token needed (health, API docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (any authenticated role when absent). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_ALLOWED, roles);

/** The verified caller of the current request. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<{ principal: Principal }>().principal,
);
