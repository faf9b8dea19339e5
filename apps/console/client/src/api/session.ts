import type { Role } from '@libs/auth/src/principal';

export interface Person {
  role: Role;
  name?: string;
  email?: string;
  emailVerified?: boolean;
}

export type SessionState = { signedIn: false } | { signedIn: true; person: Person };

export async function loadSession(): Promise<SessionState> {
  const response = await fetch('/auth/session', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (!response.ok) return { signedIn: false };
  return (await response.json()) as SessionState;
}

export async function signOut(): Promise<void> {
  const response = await fetch('/auth/sign-out', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-plenary-console': '1' },
  });
  const body = (await response.json().catch(() => ({}))) as { providerSignOutUrl?: string };
  window.location.assign(body.providerSignOutUrl ?? '/');
}

export function signInUrl(
  lang: string,
  returnTo = window.location.pathname + window.location.search,
): string {
  return `/auth/sign-in?${new URLSearchParams({ returnTo, lang }).toString()}`;
}
