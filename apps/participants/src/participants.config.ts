import { EnvVar, ServiceConfig } from '@plenary/config';
import { IsIn, IsOptional, IsString, MinLength, ValidateIf } from 'class-validator';

const NODE_ENVS = ['production', 'development', 'test'] as const;

/**
 * Known to everyone who reads this file: it signs badges only where NODE_ENV says development
 * or test (npm start, the tests), so that they run without a secret; production needs its own.
 */
export const DEVELOPMENT_BADGE_SIGNING_SECRET = 'plenary-development-badge-signing-secret-not-for-production';

export class ParticipantsConfig extends ServiceConfig {
  readonly service = 'participants';
  override HTTP_PORT: number = 3002;

  @EnvVar(
    'production, development or test. The image sets production, where BADGE_SIGNING_SECRET is required; unset counts as development.',
    { optional: true },
  )
  @IsOptional()
  @IsIn(NODE_ENVS)
  NODE_ENV?: (typeof NODE_ENVS)[number];

  @EnvVar(
    'Secret (at least 32 characters) that signs the codes on badges (HMAC-SHA256), so that the check-in desk refuses a forged one. Required in production; changing it invalidates every printed badge.',
    { optional: true, secret: true },
  )
  @ValidateIf(
    (config: ParticipantsConfig) =>
      config.NODE_ENV === 'production' || config.BADGE_SIGNING_SECRET !== undefined,
  )
  @IsString({ message: 'BADGE_SIGNING_SECRET must be set (32+ characters) when NODE_ENV is production' })
  @MinLength(32)
  BADGE_SIGNING_SECRET?: string;

  /** The key badge codes are signed with: the configured secret, else the development one. */
  get badgeSigningSecret(): string {
    return this.BADGE_SIGNING_SECRET ?? DEVELOPMENT_BADGE_SIGNING_SECRET;
  }
}
