import type { Role } from '@plenary/auth';

/**
 * The people of the local identity provider (infra/local/keycloak/plenary-realm.json): `npm start`
 * prints them and the browser tests sign in as them. Local only: these passwords protect nothing.
 * A user without a role has none in the realm and acts with the services' AUTH_DEFAULT_ROLE
 * (coordinator on the local stack), by the secretariat's designation only.
 */
export interface DemoUser {
  username: string;
  password: string;
  email: string;
  firstName: string;
  lastName: string;
  displayName: string;
  /** the realm role given to the user; undefined: none, the default role applies */
  realmRole?: Role;
  /** the role the services see */
  role: Role;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'secretariat',
    password: 'secretariat-demo-2026',
    email: 'secretariat@plenary.test',
    firstName: 'Amina',
    lastName: 'Diallo',
    displayName: 'Amina Diallo',
    realmRole: 'secretariat',
    role: 'secretariat',
  },
  {
    username: 'coordinator.kaz',
    password: 'coordinator-kaz-demo-2026',
    email: 'coordinator.kaz@plenary.test',
    firstName: 'Aigerim',
    lastName: 'Seitkali',
    displayName: 'Aigerim Seitkali',
    role: 'coordinator',
  },
  {
    username: 'coordinator.afg',
    password: 'coordinator-afg-demo-2026',
    email: 'coordinator.afg@plenary.test',
    firstName: 'Mariam',
    lastName: 'Rahimi',
    displayName: 'Mariam Rahimi',
    role: 'coordinator',
  },
  {
    username: 'observer',
    password: 'observer-demo-2026',
    email: 'observer@plenary.test',
    firstName: 'Jonas',
    lastName: 'Berg',
    displayName: 'Jonas Berg',
    realmRole: 'observer',
    role: 'observer',
  },
];

/** One demo user by username (throws for an unknown one, so a typo in a test fails loudly). */
export function demoUser(username: string): DemoUser {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user)
    throw new Error(`no demo user ${username}: there are ${DEMO_USERS.map((u) => u.username).join(', ')}`);
  return user;
}

/** The local realm's console client (confidential; the secret is in the realm file, local only). */
export const LOCAL_CONSOLE_CLIENT = { clientId: 'plenary-console', secret: 'plenary-console-local-secret' };
/** The local realm's client for scripts (client credentials, role secretariat). */
export const LOCAL_SCRIPTS_CLIENT = { clientId: 'plenary-scripts', secret: 'plenary-scripts-local-secret' };
/** The realm's name; the issuer is http://127.0.0.1:<port>/realms/plenary. */
export const LOCAL_REALM = 'plenary';
