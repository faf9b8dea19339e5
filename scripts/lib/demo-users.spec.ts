import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_USERS, LOCAL_CONSOLE_CLIENT, LOCAL_REALM, LOCAL_SCRIPTS_CLIENT } from './demo-users.js';
import { ROOT } from './local-stack.js';

interface RealmFile {
  realm: string;
  accessTokenLifespan: number;
  internationalizationEnabled: boolean;
  supportedLocales: string[];
  roles: { realm: { name: string }[] };
  users: {
    username: string;
    email?: string;
    emailVerified?: boolean;
    firstName?: string;
    lastName?: string;
    enabled: boolean;
    requiredActions?: string[];
    realmRoles?: string[];
    credentials?: { type: string; value: string; temporary: boolean }[];
  }[];
  clients: {
    clientId: string;
    secret: string;
    publicClient: boolean;
    standardFlowEnabled: boolean;
    implicitFlowEnabled: boolean;
    directAccessGrantsEnabled: boolean;
    serviceAccountsEnabled: boolean;
    redirectUris?: string[];
    attributes: Record<string, string>;
    defaultClientScopes: string[];
    protocolMappers: { protocolMapper: string; config: Record<string, string> }[];
  }[];
}

const realm = JSON.parse(
  readFileSync(join(ROOT, 'infra/local/keycloak/plenary-realm.json'), 'utf8'),
) as RealmFile;

describe('the local realm file and scripts/lib/demo-users.ts', () => {
  it('agree on every demo user: password, email, names and role', () => {
    expect(realm.realm).toBe(LOCAL_REALM);
    for (const user of DEMO_USERS) {
      const inRealm = realm.users.find((u) => u.username === user.username);
      expect(inRealm).toBeDefined();
      expect(inRealm).toMatchObject({
        enabled: true,
        email: user.email,
        emailVerified: true,
        firstName: user.firstName,
        lastName: user.lastName,
        credentials: [{ type: 'password', value: user.password, temporary: false }],
      });
      expect(`${inRealm!.firstName} ${inRealm!.lastName}`).toBe(user.displayName);
      // no required action: the first sign-in goes straight through
      expect(inRealm!.requiredActions ?? []).toEqual([]);
      expect(inRealm!.realmRoles ?? []).toEqual(user.realmRole ? [user.realmRole] : []);
      expect(user.role).toBe(user.realmRole ?? 'coordinator');
    }
    const people = realm.users.filter((u) => !u.username.startsWith('service-account-'));
    expect(people.map((u) => u.username).sort()).toEqual(DEMO_USERS.map((u) => u.username).sort());
  });

  it("defines Plenary's roles and the six UN languages for the login page", () => {
    expect(realm.roles.realm.map((r) => r.name).sort()).toEqual(['coordinator', 'observer', 'secretariat']);
    expect(realm.internationalizationEnabled).toBe(true);
    expect(realm.supportedLocales.sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh-CN']);
    expect(realm.accessTokenLifespan).toBe(300);
  });

  it('makes the console a confidential client with the code flow only, PKCE S256 and loopback callbacks', () => {
    const consoleClient = realm.clients.find((c) => c.clientId === LOCAL_CONSOLE_CLIENT.clientId)!;
    expect(consoleClient).toMatchObject({
      secret: LOCAL_CONSOLE_CLIENT.secret,
      publicClient: false,
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      serviceAccountsEnabled: false,
    });
    expect(consoleClient.attributes['pkce.code.challenge.method']).toBe('S256');
    // No port: Keycloak matches a loopback redirect URI on any port (RFC 8252, section 7.3).
    expect(consoleClient.redirectUris).toEqual([
      'http://127.0.0.1/auth/callback',
      'http://localhost/auth/callback',
    ]);
    expect(consoleClient.defaultClientScopes).toEqual(expect.arrayContaining(['email', 'profile', 'basic']));
    const scripts = realm.clients.find((c) => c.clientId === LOCAL_SCRIPTS_CLIENT.clientId)!;
    expect(scripts).toMatchObject({ secret: LOCAL_SCRIPTS_CLIENT.secret, serviceAccountsEnabled: true });
  });

  it('puts the audience plenary and the realm roles as "roles" into both clients\' access tokens', () => {
    for (const client of realm.clients) {
      const audience = client.protocolMappers.find((m) => m.protocolMapper === 'oidc-audience-mapper');
      expect(audience?.config).toMatchObject({
        'included.custom.audience': 'plenary',
        'access.token.claim': 'true',
      });
      const roles = client.protocolMappers.find(
        (m) => m.protocolMapper === 'oidc-usermodel-realm-role-mapper',
      );
      expect(roles?.config).toMatchObject({
        'claim.name': 'roles',
        multivalued: 'true',
        'access.token.claim': 'true',
      });
    }
  });
});
