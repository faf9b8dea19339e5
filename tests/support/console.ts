import type { Page } from 'playwright-core';
import { LOCAL_CONSOLE_CLIENT } from '../../scripts/lib/demo-users.js';
import { identityProvider, identityProviderEnv } from './identity.js';
import { freePort } from './local-stack.js';
import { type ServiceEnvironment, type ServiceProcess, startApp } from './services.js';

/** The console's server, as its own process, in front of the given services. */
export async function startConsole(
  env: ServiceEnvironment,
  services: { events: string; participants: string; reports?: string },
): Promise<ServiceProcess> {
  const port = await freePort();
  const idp = identityProvider();
  return startApp(
    'console',
    {
      ...env,
      extra: {
        ...env.extra,
        ...identityProviderEnv(),
        CONSOLE_PUBLIC_URL: `http://127.0.0.1:${port}`,
        OIDC_ISSUER_URL: idp.issuer,
        OIDC_CLIENT_ID: LOCAL_CONSOLE_CLIENT.clientId,
        OIDC_CLIENT_SECRET: LOCAL_CONSOLE_CLIENT.secret,
        SESSION_SECRET: 'a-session-secret-for-the-console-tests-only',
        EVENTS_API_URL: services.events,
        PARTICIPANTS_API_URL: services.participants,
        ...(services.reports ? { REPORTS_API_URL: services.reports } : {}),
      },
    },
    60_000,
    port,
  );
}

/** Signs in through the identity provider's real login page, from the console's sign-in button. */
export async function signIn(
  page: Page,
  consoleUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(consoleUrl);
  await page.getByRole('link', { name: /sign in|تسجيل الدخول|se connecter|войти/i }).click();
  await page.waitForSelector('#username');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
  await page.waitForURL(
    (url) => url.origin === new URL(consoleUrl).origin && !url.pathname.startsWith('/auth/'),
  );
  await page.getByRole('button', { name: /sign out/i }).waitFor({ timeout: 15_000 });
}
