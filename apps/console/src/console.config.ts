import { EnvVar, ServiceConfig } from '@plenary/config';
import { IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';

const URL_OPTIONS = { require_tld: false, require_protocol: true };

/**
 * The console's server: the backend-for-frontend between people's browsers and the services.
 * It signs people in with an OpenID Connect provider, keeps their tokens, and forwards their
 * API calls with a bearer token; the browser only ever holds an httpOnly session cookie.
 */
export class ConsoleConfig extends ServiceConfig {
  readonly service = 'console';
  override HTTP_PORT: number = 3000;

  @EnvVar('Address people open the console at, e.g. https://plenary.example.org (redirects and cookies).')
  @IsUrl(URL_OPTIONS)
  CONSOLE_PUBLIC_URL: string = 'http://127.0.0.1:3000';

  @EnvVar('Issuer URL of the OpenID Connect provider, e.g. https://idp.example.org/realms/plenary.')
  @IsUrl(URL_OPTIONS)
  OIDC_ISSUER_URL: string;

  @EnvVar('Client id of the console at the OpenID Connect provider.')
  @IsString()
  OIDC_CLIENT_ID: string = 'plenary-console';

  @EnvVar('Client secret of the console (a confidential client).', { secret: true })
  @IsString()
  @MinLength(8)
  OIDC_CLIENT_SECRET: string;

  @EnvVar('Scopes the console asks for at sign-in.')
  @IsString()
  OIDC_SCOPES: string = 'openid profile email';

  @EnvVar('Key (at least 32 characters) that encrypts the short-lived sign-in cookie.', { secret: true })
  @IsString()
  @MinLength(32)
  SESSION_SECRET: string;

  @EnvVar('Minutes without a request after which a console session ends.')
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES: number = 60;

  @EnvVar('Hours after sign-in after which a console session ends, whatever its use.')
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  SESSION_MAX_HOURS: number = 12;

  @EnvVar('Base URL of the events service API.')
  @IsUrl(URL_OPTIONS)
  EVENTS_API_URL: string = 'http://127.0.0.1:3001';

  @EnvVar('Base URL of the participants service API.')
  @IsUrl(URL_OPTIONS)
  PARTICIPANTS_API_URL: string = 'http://127.0.0.1:3002';

  @EnvVar('Base URL of the reports service API.')
  @IsUrl(URL_OPTIONS)
  REPORTS_API_URL: string = 'http://127.0.0.1:3003';

  @EnvVar('Folder of the built web client (index.html and its assets).', { optional: true })
  @IsOptional()
  @IsString()
  CONSOLE_CLIENT_DIR?: string;

  get secureCookies(): boolean {
    return this.CONSOLE_PUBLIC_URL.startsWith('https:');
  }
}
