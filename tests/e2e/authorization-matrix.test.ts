import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { issueToken } from '@plenary/auth';
import { SignJWT } from 'jose';
import { eventually } from '../support/eventually.js';
import {
  type AppName,
  type ServiceProcess,
  startApps,
  stopAllApps,
  testNamespace,
} from '../support/services.js';
import { coordinator, observer, secretariat, TEST_JWT_SECRET } from '../support/tokens.js';

/**
 * Who may call what: every HTTP endpoint of the three services, called by every kind of caller,
 * with the status each must get. A refused change must leave its resource exactly as it was, and
 * no answer may carry what its caller must not see (a party's contact details, a draft).
 *
 * The callers, relative to the resource an endpoint is called on:
 *   sec   the secretariat
 *   own   the coordinator of the resource's party, with a token for the resource's meeting
 *   oth   the coordinator of another party of the same meeting
 *   els   the coordinator of the same party, with a token for another meeting
 *   obs   an observer
 *   anon  no token at all
 *   exp   a secretariat token that has expired
 *   key   a secretariat token signed with another key
 *   none  a secretariat token with "alg": "none" and no signature
 */
const CALLERS = ['sec', 'own', 'oth', 'els', 'obs', 'anon', 'exp', 'key', 'none'] as const;
type Caller = (typeof CALLERS)[number];
type Row = [AppName, string, ...number[]];

// prettier-ignore
const MATRIX: Row[] = [
  // service        endpoint                                                      sec  own  oth  els  obs  anon exp  key  none
  ['events',       'GET /health',                                                 200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['events',       'GET /health/ready',                                           200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['events',       'GET /docs',                                                   200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['events',       'GET /docs/openapi.json',                                      200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['events',       'GET /asyncapi',                                               200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['events',       'POST /events',                                                201, 403, 403, 403, 403, 401, 401, 401, 401],
  ['events',       'GET /events',                                                 200, 200, 200, 200, 200, 401, 401, 401, 401],
  ['events',       'GET /events/:id',                                             200, 200, 200, 200, 200, 401, 401, 401, 401],
  ['events',       'GET /events/:id (a draft)',                                   200, 404, 404, 404, 404, 401, 401, 401, 401],
  // Public for anyone without a token; a token sent must be valid (and the secretariat's shows drafts).
  ['events',       'GET /events/:id.ics',                                         200, 200, 200, 200, 200, 200, 401, 401, 401],
  ['events',       'GET /events/:id.ics (a draft)',                               200, 404, 404, 404, 404, 404, 401, 401, 401],
  ['events',       'PATCH /events/:id',                                           200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['events',       'DELETE /events/:id',                                          204, 403, 403, 403, 403, 401, 401, 401, 401],
  ['events',       'POST /events/:id/announce',                                   200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['events',       'POST /events/:id/open-registration',                          200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['events',       'POST /events/:id/close-registration',                         200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['events',       'POST /events/:id/start',                                      200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['events',       'POST /events/:id/conclude',                                   200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['events',       'POST /events/:id/cancel',                                     200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['events',       'POST /events/:id/postpone',                                   200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['events',       'POST /events/:id/agenda',                                     201, 403, 403, 403, 403, 401, 401, 401, 401],
  ['events',       'PUT /events/:id/agenda/order',                                200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['events',       'PATCH /events/:id/agenda/:itemId',                            200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['events',       'DELETE /events/:id/agenda/:itemId',                           200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['events',       'GET /events/:id/history',                                     200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['events',       'GET /events/:id/history/:version',                            200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['events',       'GET /events/:id/as-of?at=:at',                                200, 403, 403, 403, 403, 401, 401, 401, 401],

  ['participants', 'GET /health',                                                 200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['participants', 'GET /health/ready',                                           200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['participants', 'GET /docs',                                                   200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['participants', 'GET /docs/openapi.json',                                      200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['participants', 'GET /asyncapi',                                               200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['participants', 'POST /events/:eventId/delegations',                           201, 201, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'GET /events/:eventId/delegations',                            200, 200, 200, 200, 200, 401, 401, 401, 401],
  ['participants', 'GET /delegations/:id',                                        200, 200, 200, 200, 200, 401, 401, 401, 401],
  ['participants', 'PATCH /delegations/:id',                                      200, 200, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'POST /delegations/:id/credentials-received',                  200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'POST /delegations/:id/accredit',                              200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'POST /delegations/:id/withdraw',                              200, 200, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'POST /delegations/:delegationId/participants',                201, 201, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'GET /events/:eventId/participants',                           200, 200, 200, 200, 200, 401, 401, 401, 401],
  ['participants', 'GET /events/:eventId/participants/summary',                   200, 200, 200, 200, 200, 401, 401, 401, 401],
  ['participants', 'GET /events/:eventId/participants.csv',                       200, 200, 200, 403, 403, 401, 401, 401, 401],
  ['participants', 'GET /events/:eventId/participants.xlsx',                      200, 200, 200, 403, 403, 401, 401, 401, 401],
  ['participants', 'GET /events/:eventId/badges.pdf',                             200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'POST /events/:eventId/check-ins',                             200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'GET /participants/:id',                                       200, 200, 200, 200, 200, 401, 401, 401, 401],
  ['participants', 'GET /participants/:id (withdrawn)',                           200, 200, 404, 404, 404, 401, 401, 401, 401],
  ['participants', 'PATCH /participants/:id',                                     200, 200, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'POST /participants/:id/accredit',                             200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'POST /participants/:id/reject',                               200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'POST /participants/:id/withdraw',                             200, 200, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'POST /participants/:id/reinstate',                            200, 200, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'POST /participants/:id/check-in',                             200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'POST /events/:eventId/coordinators',                          201, 403, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'GET /events/:eventId/coordinators',                           200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'GET /coordinators/:id',                                       200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'POST /coordinators/:id/revoke',                               200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'GET /me/coordinations',                                       200, 200, 200, 200, 200, 401, 401, 401, 401],
  ['participants', 'GET /participant-imports/template.xlsx',                      200, 200, 200, 200, 403, 401, 401, 401, 401],
  ['participants', 'GET /participant-imports/template.csv',                       200, 200, 200, 200, 403, 401, 401, 401, 401],
  ['participants', 'POST /delegations/:delegationId/participant-imports',         201, 201, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'GET /participant-imports/:id',                                200, 200, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'GET /participant-imports/:id/progress',                       200, 200, 403, 403, 403, 401, 401, 401, 401],
  ['participants', 'POST /participant-imports/:id/run',                           202, 202, 403, 403, 403, 401, 401, 401, 401],

  ['reports',      'GET /health',                                                 200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['reports',      'GET /health/ready',                                           200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['reports',      'GET /docs',                                                   200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['reports',      'GET /docs/openapi.json',                                      200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['reports',      'GET /asyncapi',                                               200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['reports',      'POST /events/:eventId/reports',                               201, 403, 403, 403, 403, 401, 401, 401, 401],
  ['reports',      'GET /events/:eventId/reports',                                200, 200, 200, 200, 200, 401, 401, 401, 401],
  ['reports',      'GET /reports/:id',                                            200, 200, 200, 200, 200, 401, 401, 401, 401],
  ['reports',      'GET /reports/:id (a draft)',                                  200, 404, 404, 404, 404, 401, 401, 401, 401],
  ['reports',      'GET /reports/:id (published, amendment in draft)',            200, 200, 200, 200, 200, 401, 401, 401, 401],
  ['reports',      'PATCH /reports/:id/draft',                                    200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['reports',      'POST /reports/:id/submit',                                    200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['reports',      'POST /reports/:id/return',                                    200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['reports',      'POST /reports/:id/publish',                                   200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['reports',      'POST /reports/:id/amend',                                     200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['reports',      'POST /reports/:id/withdraw',                                  200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['reports',      'GET /reports/:id/versions',                                   200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['reports',      'GET /reports/:id/versions/:number',                           200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['reports',      'GET /reports/:id/diff?from=:number&to=:number',               200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['reports',      'GET /reports/:id/versions/:number/preview.:format (html)',    200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['reports',      'GET /reports/:id/versions/:number/preview.:format (md)',      200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['reports',      'GET /reports/:id/versions/:number/preview.:format (pdf)',     200, 403, 403, 403, 403, 401, 401, 401, 401],
  ['reports',      'GET /reports/:id.html',                                       200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['reports',      'GET /reports/:id.md',                                         200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['reports',      'GET /reports/:id.pdf',                                        200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['reports',      'GET /reports/:id.html (a draft)',                             409, 409, 409, 409, 409, 409, 409, 409, 409],
  ['reports',      'GET /reports/:id.md (a draft)',                               409, 409, 409, 409, 409, 409, 409, 409, 409],
  ['reports',      'GET /reports/:id.pdf (a draft)',                              409, 409, 409, 409, 409, 409, 409, 409, 409],
  ['reports',      'GET /reports/:id.html?version=:number (a draft version)',     404, 404, 404, 404, 404, 404, 404, 404, 404],
  ['reports',      'GET /reports/:id.md?version=:number (a draft version)',       404, 404, 404, 404, 404, 404, 404, 404, 404],
  ['reports',      'GET /events/:eventId/dossier',                                200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['reports',      'GET /events/:eventId/dossier (a draft meeting)',              404, 404, 404, 404, 404, 404, 404, 404, 404],
  ['reports',      'GET /events/:eventId/attendance',                             200, 200, 200, 200, 200, 401, 401, 401, 401],
  // A draft is never published, so the reports service does not know it, even for the secretariat.
  ['reports',      'GET /events/:eventId/attendance (a draft meeting)',           404, 404, 404, 404, 404, 401, 401, 401, 401],
];

/** What a caller aims at: the meeting and party that make a coordinator "own", and the path's placeholders. */
interface Target {
  meeting: string;
  party: string;
  etag?: string;
  [placeholder: string]: unknown;
}

/** How an endpoint is called, beyond its path. */
interface How {
  /** The resource every refused caller aims at (the default: meeting A, party KAZ). */
  target?: () => Promise<Partial<Target>> | Partial<Target>;
  /** A resource of its own for each caller that is expected to change something. */
  fresh?: () => Promise<Partial<Target>> | Partial<Target>;
  body?: (t: Target) => unknown;
  /** Send the target's ETag as If-Match, so that only the caller's rights can stop the change. */
  ifMatch?: boolean;
  /** The body's media type when it is a file (the body a string), not JSON. */
  contentType?: string;
  /** The target as the secretariat reads it: a refused change must leave it as it was. */
  state?: (t: Target) => Promise<unknown>;
}

/** In every contact detail and personal need of Kazakhstan's delegation at meeting A. */
const PRIVATE = 'kazprivate';
/** In the title of every meeting and report that is not public. */
const DRAFT = 'draftsecret';
const SPARE_PARTIES = [
  'TJK',
  'UZB',
  'TKM',
  'AFG',
  'PAK',
  'IRN',
  'TUR',
  'AZE',
  'MNG',
  'CHN',
  'IND',
  'ARM',
  'GEO',
];
const LANGUAGES = ['fr', 'de', 'it', 'pt', 'ar', 'zh', 'ja', 'ko', 'tr', 'uk', 'kk', 'ky', 'tg', 'uz', 'fa'];

describe('authorization matrix', () => {
  const namespace = testNamespace('authz');
  let apps: Record<AppName, ServiceProcess>;
  let admin: string;
  const badTokens = {} as Record<'exp' | 'key' | 'none', string>;
  /** The shared world every refused caller aims at. */
  const w = {} as {
    /** registration open; parties KAZ, KGZ and spares */
    open: string;
    /** in session, with a published report */
    held: string;
    announced: string;
    draft: string;
    agenda: string[];
    kazDelegation: string;
    /** credentials received, so that only the caller's rights stop accreditation */
    kgzDelegation: string;
    kazPerson: string;
    kgzPerson: string;
    /** a previewed import into Kazakhstan's delegation (its rows hold a private email) */
    kazImport: string;
    kazWithdrawn: string;
    kazAccredited: string;
    /** an active designation of Kazakhstan's coordinator at meeting A, by an email that is private */
    kazDesignation: string;
    /** published on the meeting held */
    report: string;
    /** published on the meeting held, with an amendment in draft (version 2) */
    amended: string;
    /** in review, with a summary, on the meeting held */
    reviewedHeld: string;
    draftReport: string;
    reviewedOpen: string;
  };
  let sequence = 0;
  const spares = [...SPARE_PARTIES];
  const languages = [...LANGUAGES];

  const inDays = (days: number, hour = 9) => {
    const date = new Date(Date.now() + days * 86_400_000);
    date.setUTCHours(hour, 0, 0, 0);
    return date.toISOString();
  };

  async function send(
    app: AppName,
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${apps[app].url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  /** A change the setup needs: it must succeed. */
  async function must(app: AppName, method: string, path: string, body?: unknown, headers = {}) {
    const response = await send(app, method, path, admin, body, headers);
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${response.text}`);
    return response;
  }

  /** The resource as the secretariat reads it. */
  const read = async (app: AppName, path: string) => {
    const { status, json } = await send(app, 'GET', path, admin);
    return { status, body: json as unknown };
  };
  const etagOf = async (app: AppName, path: string) =>
    (await send(app, 'GET', path, admin)).headers.get('etag')!;

  // --- the world ---------------------------------------------------------------------------

  async function newMeeting(steps: string[] = [], overrides: Record<string, unknown> = {}) {
    const created = await must('events', 'POST', '/events', {
      title: `Consultation ${++sequence}`,
      kind: 'expert-consultation',
      startsAt: inDays(40, 4),
      endsAt: inDays(40, 12),
      timeZone: 'Asia/Almaty',
      registration: { opensAt: inDays(-1), closesAt: inDays(30), quotaPerDelegation: 40 },
      parties: [
        { code: 'KAZ', standings: ['member'] },
        { code: 'KGZ', standings: ['member'] },
      ],
      agenda: [{ title: 'Opening' }, { title: 'Closing' }],
      ...overrides,
    });
    let view = created.json as { id: string; version: number; agenda: Array<{ id: string }> };
    for (const step of steps) view = (await must('events', 'POST', `/events/${view.id}/${step}`)).json;
    return { meeting: view.id, id: view.id, etag: `"${view.version}"`, agenda: view.agenda.map((i) => i.id) };
  }

  async function newDelegation(credentialsReceived = false) {
    const party = spares.shift()!;
    const created = await must('participants', 'POST', `/events/${w.open}/delegations`, {
      party,
      coordinator: { name: `Focal point of ${party}`, email: `focal@${party.toLowerCase()}.example` },
    });
    let view = created.json as { id: string; version: number };
    if (credentialsReceived)
      view = (await must('participants', 'POST', `/delegations/${view.id}/credentials-received`, {})).json;
    return { meeting: w.open, party, id: view.id, etag: `"${view.version}"` };
  }

  async function newPerson(delegation: string, then: 'withdraw' | 'accredit' | undefined = undefined) {
    const n = ++sequence;
    const created = await must('participants', 'POST', `/delegations/${delegation}/participants`, {
      name: { given: 'Person', family: `Number${n}` },
      role: 'member',
      email: `person${n}.${PRIVATE}@example.org`,
      accessibilityNeeds: `Step-free access (${PRIVATE})`,
      gender: 'female',
    });
    let view = created.json as { id: string; version: number };
    if (then) view = (await must('participants', 'POST', `/participants/${view.id}/${then}`)).json;
    return { meeting: w.open, party: 'KAZ', id: view.id, etag: `"${view.version}"` };
  }

  /** A file of one person for Kazakhstan's delegation, with a private email. */
  const importFile = () =>
    `given,family,role,email\r\nImported,Number${++sequence},member,imported${sequence}.${PRIVATE}@example.org\r\n`;

  /** A previewed import into Kazakhstan's delegation. */
  async function newImport(): Promise<string> {
    const created = await must(
      'participants',
      'POST',
      `/delegations/${w.kazDelegation}/participant-imports`,
      importFile(),
      {
        'content-type': 'text/csv',
      },
    );
    return (created.json as { id: string }).id;
  }

  /** An active designation of a coordinator of Kazakhstan at meeting A (its email is private). */
  async function newDesignation() {
    const created = await must('participants', 'POST', `/events/${w.open}/coordinators`, {
      party: 'KAZ',
      email: `coordinator${++sequence}.${PRIVATE}@kaz.example`,
    });
    return { meeting: w.open, party: 'KAZ', id: (created.json as { id: string }).id };
  }

  /** A report; one that stays unpublished carries the draft marker in its title. */
  async function newReport(
    meeting: string,
    stage: 'draft' | 'in-review' | 'published',
    { language = languages.shift()!, public: willBePublic = stage === 'published' } = {},
  ) {
    const title = willBePublic ? `Outcome (${language})` : `Outcome ${DRAFT} (${language})`;
    const created = await must('reports', 'POST', `/events/${meeting}/reports`, {
      language,
      content: { title, summary: `The meeting met (${language}).` },
    });
    let view = created.json as { id: string; version: number };
    if (stage !== 'draft') view = (await must('reports', 'POST', `/reports/${view.id}/submit`)).json;
    if (stage === 'published') view = (await must('reports', 'POST', `/reports/${view.id}/publish`, {})).json;
    return { meeting, party: 'KAZ', id: view.id, etag: `"${view.version}"` };
  }

  // --- how each endpoint is called -----------------------------------------------------------

  const meetingState = (t: Target) => read('events', `/events/${t.id as string}`);
  const delegationState = (t: Target) => read('participants', `/delegations/${t.id as string}`);
  const personState = (t: Target) => read('participants', `/participants/${t.id as string}`);
  const reportState = (t: Target) => read('reports', `/reports/${t.id as string}`);
  const designationState = (t: Target) => read('participants', `/coordinators/${t.id as string}`);
  const onOpen = () => ({ id: w.open, eventId: w.open });
  const badgeCodeOf = async (participant: string) =>
    ((await read('participants', `/participants/${participant}`)).body as { badgeCode: string }).badgeCode;
  const withEtag = async (app: AppName, resource: string, id: string, fields: Partial<Target> = {}) => ({
    id,
    etag: await etagOf(app, `/${resource}/${id}`),
    ...fields,
  });

  const HOW: Record<string, How> = {
    'POST /events': {
      target: () => ({ title: `Intruder meeting ${DRAFT}` }),
      fresh: () => ({ title: 'Created by the secretariat' }),
      body: (t) => ({
        title: t.title,
        kind: 'meeting',
        startsAt: inDays(50, 4),
        endsAt: inDays(50, 12),
        timeZone: 'Asia/Almaty',
        parties: [{ code: 'KAZ', standings: ['member'] }],
      }),
      state: async () => {
        const list = await read('events', '/events?limit=200');
        return (list.body as { items: Array<{ title: string }> }).items.filter((e) =>
          e.title.startsWith('Intruder'),
        );
      },
    },
    'GET /events/:id': { target: onOpen },
    'GET /events/:id (a draft)': { target: () => ({ id: w.draft, meeting: w.draft }) },
    'GET /events/:id.ics': { target: onOpen },
    'GET /events/:id.ics (a draft)': { target: () => ({ id: w.draft, meeting: w.draft }) },
    'PATCH /events/:id': {
      target: () => withEtag('events', 'events', w.open),
      fresh: () => newMeeting(),
      body: () => ({ description: 'Changed' }),
      ifMatch: true,
      state: meetingState,
    },
    'DELETE /events/:id': {
      target: () => withEtag('events', 'events', w.draft, { meeting: w.draft }),
      fresh: () => newMeeting(),
      ifMatch: true,
      state: meetingState,
    },
    'POST /events/:id/announce': {
      target: () => ({ id: w.draft, meeting: w.draft }),
      fresh: () => newMeeting(),
      state: meetingState,
    },
    'POST /events/:id/open-registration': {
      target: () => ({ id: w.announced, meeting: w.announced }),
      fresh: () => newMeeting(['announce']),
      state: meetingState,
    },
    'POST /events/:id/close-registration': {
      target: onOpen,
      fresh: () => newMeeting(['announce', 'open-registration']),
      state: meetingState,
    },
    'POST /events/:id/start': {
      target: () => ({ id: w.announced, meeting: w.announced }),
      fresh: () => newMeeting(['announce']),
      state: meetingState,
    },
    'POST /events/:id/conclude': {
      target: () => ({ id: w.held, meeting: w.held }),
      fresh: () => newMeeting(['announce', 'start']),
      state: meetingState,
    },
    'POST /events/:id/cancel': {
      target: onOpen,
      fresh: () => newMeeting(),
      body: () => ({ reason: 'The host withdrew its invitation' }),
      state: meetingState,
    },
    'POST /events/:id/postpone': {
      target: () => ({ id: w.announced, meeting: w.announced }),
      fresh: () => newMeeting(['announce']),
      body: () => ({ startsAt: inDays(45, 4), endsAt: inDays(45, 12) }),
      state: meetingState,
    },
    'POST /events/:id/agenda': {
      target: () => withEtag('events', 'events', w.open),
      fresh: () => newMeeting(),
      body: () => ({ title: 'Any other business' }),
      ifMatch: true,
      state: meetingState,
    },
    'PUT /events/:id/agenda/order': {
      target: () => withEtag('events', 'events', w.open, { agenda: w.agenda }),
      fresh: () => newMeeting(),
      body: (t) => ({ itemIds: [...(t.agenda as string[])].reverse() }),
      ifMatch: true,
      state: meetingState,
    },
    'PATCH /events/:id/agenda/:itemId': {
      target: () => withEtag('events', 'events', w.open, { itemId: w.agenda[0] }),
      fresh: async () => {
        const meeting = await newMeeting();
        return { ...meeting, itemId: meeting.agenda[0] };
      },
      body: () => ({ title: 'Renamed' }),
      ifMatch: true,
      state: meetingState,
    },
    'DELETE /events/:id/agenda/:itemId': {
      target: () => withEtag('events', 'events', w.open, { itemId: w.agenda[0] }),
      fresh: async () => {
        const meeting = await newMeeting();
        return { ...meeting, itemId: meeting.agenda[0] };
      },
      ifMatch: true,
      state: meetingState,
    },
    'GET /events/:id/history': { target: onOpen },
    'GET /events/:id/history/:version': { target: () => ({ ...onOpen(), version: 1 }) },
    'GET /events/:id/as-of?at=:at': { target: () => ({ ...onOpen(), at: new Date().toISOString() }) },

    'POST /events/:eventId/delegations': {
      // Refused callers try a party that has no delegation yet, so that only their rights stop them.
      target: () => ({ eventId: w.open, party: 'GEO' }),
      fresh: () => ({ eventId: w.open, party: spares.shift()! }),
      body: (t) => ({
        party: t.party,
        coordinator: { name: `Focal point of ${t.party}`, email: `focal@${t.party.toLowerCase()}.example` },
      }),
      state: async (t) => {
        const list = await read('participants', `/events/${w.open}/delegations`);
        return (list.body as Array<{ party: { code: string } }>).filter((d) => d.party.code === t.party);
      },
    },
    'POST /events/:eventId/coordinators': {
      // Refused callers try an email no one designated, so that only their rights stop them.
      target: () => ({ eventId: w.open, email: `refused.${PRIVATE}@kaz.example` }),
      fresh: () => ({ eventId: w.open, email: `designated${++sequence}.${PRIVATE}@kaz.example` }),
      body: (t) => ({ party: 'KAZ', email: t.email, name: 'Focal point', language: 'ru' }),
      state: async (t) => {
        const list = await read('participants', `/events/${w.open}/coordinators?party=KAZ`);
        return (list.body as { items: Array<{ email: string }> }).items.filter((d) => d.email === t.email);
      },
    },
    'GET /events/:eventId/coordinators': { target: onOpen },
    'GET /coordinators/:id': { target: () => ({ id: w.kazDesignation }) },
    'POST /coordinators/:id/revoke': {
      target: () => ({ id: w.kazDesignation }),
      fresh: () => newDesignation(),
      state: designationState,
    },
    'GET /events/:eventId/delegations': { target: onOpen },
    'GET /delegations/:id': { target: () => ({ id: w.kazDelegation }) },
    'PATCH /delegations/:id': {
      target: () => withEtag('participants', 'delegations', w.kazDelegation),
      fresh: () => newDelegation(),
      body: () => ({ credentialsReference: 'Note verbale No. 1' }),
      ifMatch: true,
      state: delegationState,
    },
    'POST /delegations/:id/credentials-received': {
      target: () => ({ id: w.kazDelegation }),
      fresh: () => newDelegation(),
      body: () => ({}),
      state: delegationState,
    },
    'POST /delegations/:id/accredit': {
      target: () => ({ id: w.kgzDelegation, party: 'KGZ' }),
      fresh: () => newDelegation(true),
      state: delegationState,
    },
    'POST /delegations/:id/withdraw': {
      target: () => ({ id: w.kazDelegation }),
      fresh: () => newDelegation(),
      body: () => ({ reason: 'The minister cannot travel' }),
      state: delegationState,
    },
    'POST /delegations/:delegationId/participants': {
      target: () => ({ delegationId: w.kazDelegation, family: 'Intruder' }),
      fresh: () => ({ delegationId: w.kazDelegation, family: `Newcomer${++sequence}` }),
      body: (t) => ({
        name: { given: 'Dana', family: t.family },
        role: 'member',
        email: `dana.${(t.family as string).toLowerCase()}.${PRIVATE}@example.org`,
      }),
      state: () => read('participants', `/events/${w.open}/participants?q=intruder`),
    },
    'GET /events/:eventId/participants': { target: onOpen },
    'GET /events/:eventId/participants/summary': { target: onOpen },
    'GET /events/:eventId/participants.csv': { target: onOpen },
    'GET /events/:eventId/participants.xlsx': { target: onOpen },
    'GET /events/:eventId/badges.pdf': { target: onOpen },
    'POST /events/:eventId/check-ins': {
      target: async () => ({
        eventId: w.open,
        id: w.kazAccredited,
        code: await badgeCodeOf(w.kazAccredited),
      }),
      fresh: async () => {
        const person = await newPerson(w.kazDelegation, 'accredit');
        return { ...person, eventId: w.open, code: await badgeCodeOf(person.id) };
      },
      body: (t) => ({ code: t.code }),
      state: personState,
    },
    'GET /participant-imports/template.xlsx': {},
    'GET /participant-imports/template.csv': {},
    'POST /delegations/:delegationId/participant-imports': {
      target: () => ({ delegationId: w.kazDelegation }),
      body: () => importFile(),
      contentType: 'text/csv',
    },
    'GET /participant-imports/:id': { target: () => ({ id: w.kazImport }) },
    'GET /participant-imports/:id/progress': { target: () => ({ id: w.kazImport }) },
    'POST /participant-imports/:id/run': {
      target: () => ({ id: w.kazImport }),
      fresh: async () => ({ id: await newImport() }),
      body: () => ({ mode: 'valid-rows' }),
      state: (t) => read('participants', `/participant-imports/${t.id as string}`),
    },
    'GET /participants/:id': { target: () => ({ id: w.kazPerson }) },
    'GET /participants/:id (withdrawn)': { target: () => ({ id: w.kazWithdrawn }) },
    'PATCH /participants/:id': {
      target: () => withEtag('participants', 'participants', w.kazPerson),
      fresh: () => newPerson(w.kazDelegation),
      body: () => ({ position: 'Changed' }),
      ifMatch: true,
      state: personState,
    },
    'POST /participants/:id/accredit': {
      target: () => ({ id: w.kazPerson }),
      fresh: () => newPerson(w.kazDelegation),
      state: personState,
    },
    'POST /participants/:id/reject': {
      target: () => ({ id: w.kazPerson }),
      fresh: () => newPerson(w.kazDelegation),
      body: () => ({ reason: 'No credentials for this person' }),
      state: personState,
    },
    'POST /participants/:id/withdraw': {
      target: () => ({ id: w.kazPerson }),
      fresh: () => newPerson(w.kazDelegation),
      state: personState,
    },
    'POST /participants/:id/reinstate': {
      target: () => ({ id: w.kazWithdrawn }),
      fresh: () => newPerson(w.kazDelegation, 'withdraw'),
      state: personState,
    },
    'POST /participants/:id/check-in': {
      target: () => ({ id: w.kazAccredited }),
      fresh: () => newPerson(w.kazDelegation, 'accredit'),
      state: personState,
    },

    'POST /events/:eventId/reports': {
      target: () => ({ eventId: w.open, language: 'es' }),
      fresh: () => ({ eventId: w.open, language: languages.shift()! }),
      body: (t) => ({ language: t.language, content: { title: `Outcome ${DRAFT}` } }),
      state: async (t) => {
        const list = await read('reports', `/events/${w.open}/reports`);
        return (list.body as Array<{ language: string }>).filter((r) => r.language === t.language);
      },
    },
    'GET /events/:eventId/reports': { target: () => ({ eventId: w.held, meeting: w.held }) },
    'GET /reports/:id': { target: () => ({ id: w.report, meeting: w.held }) },
    'GET /reports/:id (a draft)': { target: () => ({ id: w.draftReport }) },
    'GET /reports/:id (published, amendment in draft)': {
      target: () => ({ id: w.amended, meeting: w.held }),
    },
    ...Object.fromEntries(
      ['html', 'md'].map((format) => [
        `GET /reports/:id.${format}?version=:number (a draft version)`,
        { target: () => ({ id: w.amended, meeting: w.held, number: 2 }) },
      ]),
    ),
    'PATCH /reports/:id/draft': {
      target: () => withEtag('reports', 'reports', w.draftReport),
      fresh: () => newReport(w.open, 'draft'),
      body: () => ({ summary: 'Changed' }),
      ifMatch: true,
      state: reportState,
    },
    'POST /reports/:id/submit': {
      target: () => ({ id: w.draftReport }),
      fresh: () => newReport(w.open, 'draft'),
      state: reportState,
    },
    'POST /reports/:id/return': {
      target: () => ({ id: w.reviewedOpen }),
      fresh: () => newReport(w.open, 'in-review'),
      state: reportState,
    },
    'POST /reports/:id/publish': {
      target: () => ({ id: w.reviewedHeld, meeting: w.held }),
      fresh: () => newReport(w.held, 'in-review', { public: true }),
      body: () => ({}),
      state: reportState,
    },
    'POST /reports/:id/amend': {
      target: () => ({ id: w.report, meeting: w.held }),
      fresh: () => newReport(w.held, 'published'),
      state: reportState,
    },
    'POST /reports/:id/withdraw': {
      target: () => ({ id: w.report, meeting: w.held }),
      fresh: () => newReport(w.held, 'published'),
      body: () => ({ reason: 'Published before the chair approved it' }),
      state: reportState,
    },
    'GET /reports/:id/versions': { target: () => ({ id: w.report, meeting: w.held }) },
    'GET /reports/:id/versions/:number': { target: () => ({ id: w.report, meeting: w.held, number: 1 }) },
    'GET /reports/:id/diff?from=:number&to=:number': {
      target: () => ({ id: w.report, meeting: w.held, number: 1 }),
    },
    ...Object.fromEntries(
      ['html', 'md', 'pdf'].map((format) => [
        `GET /reports/:id/versions/:number/preview.:format (${format})`,
        { target: () => ({ id: w.draftReport, number: 1, format }) },
      ]),
    ),
    ...Object.fromEntries(
      ['html', 'md', 'pdf'].flatMap((format) => [
        [`GET /reports/:id.${format}`, { target: () => ({ id: w.report, meeting: w.held }) }],
        [`GET /reports/:id.${format} (a draft)`, { target: () => ({ id: w.draftReport }) }],
      ]),
    ),
    'GET /events/:eventId/dossier': { target: () => ({ eventId: w.held, meeting: w.held }) },
    'GET /events/:eventId/dossier (a draft meeting)': {
      target: () => ({ eventId: w.draft, meeting: w.draft }),
    },
    'GET /events/:eventId/attendance': { target: () => ({ eventId: w.held, meeting: w.held }) },
    'GET /events/:eventId/attendance (a draft meeting)': {
      target: () => ({ eventId: w.draft, meeting: w.draft }),
    },
  };

  // --- callers -------------------------------------------------------------------------------

  const coordinatorTokens = new Map<string, Promise<string>>();
  const coordinatorOf = (meeting: string, party: string) => {
    const key = `${meeting}/${party}`;
    if (!coordinatorTokens.has(key)) coordinatorTokens.set(key, coordinator(meeting, party));
    return coordinatorTokens.get(key)!;
  };
  let observerToken: string;

  async function tokenOf(caller: Caller, t: Target): Promise<string | undefined> {
    switch (caller) {
      case 'sec':
        return admin;
      case 'own':
        return coordinatorOf(t.meeting, t.party);
      case 'oth':
        return coordinatorOf(t.meeting, t.party === 'KGZ' ? 'KAZ' : 'KGZ');
      case 'els':
        return coordinatorOf(t.meeting === w.held ? w.open : w.held, t.party);
      case 'obs':
        return observerToken;
      case 'anon':
        return undefined;
      default:
        return badTokens[caller];
    }
  }

  /** Only the secretariat and Kazakhstan's own coordinator at meeting A see Kazakhstan's details there. */
  const maySeePrivate = (caller: Caller, t: Target) =>
    caller === 'sec' || (caller === 'own' && t.meeting === w.open && t.party === 'KAZ');

  const fill = (path: string, t: Target) =>
    path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
      if (t[name] === undefined) throw new Error(`no value for :${name} in ${path}`);
      return encodeURIComponent(String(t[name]));
    });

  beforeAll(async () => {
    apps = await startApps(['events', 'participants', 'reports'], { namespace });
    admin = await secretariat();
    observerToken = await observer();
    const now = Math.floor(Date.now() / 1000);
    badTokens.exp = await new SignJWT({ role: 'secretariat' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('secretariat-1')
      .setIssuer('plenary')
      .setAudience('plenary')
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 3600)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    badTokens.key = await issueToken(
      { subject: 'secretariat-1', role: 'secretariat' },
      { secret: 'another-secret-that-is-long-enough-for-hs256' },
    );
    const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    badTokens.none = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
      sub: 'secretariat-1',
      role: 'secretariat',
      iss: 'plenary',
      aud: 'plenary',
      iat: now,
      exp: now + 3600,
    })}.`;

    const spareParties = SPARE_PARTIES.map((code) => ({ code, standings: ['member'] }));
    const open = await newMeeting(['announce', 'open-registration'], {
      parties: [
        { code: 'KAZ', standings: ['member', 'chair'] },
        { code: 'KGZ', standings: ['member'] },
        ...spareParties,
      ],
    });
    Object.assign(w, {
      open: open.id,
      agenda: open.agenda,
      held: (await newMeeting(['announce', 'start'])).id,
      announced: (await newMeeting(['announce'])).id,
      draft: (await newMeeting([], { title: `Working draft ${DRAFT}` })).id,
    });

    const kaz = await eventually(async () => {
      const r = await send(
        'participants',
        'POST',
        `/events/${w.open}/delegations`,
        await coordinatorOf(w.open, 'KAZ'),
        {
          party: 'KAZ',
          coordinator: { name: `Focal point ${PRIVATE}`, email: `focal.${PRIVATE}@kaz.example` },
        },
      );
      expect(r.status).toBe(201);
      return r.json as { id: string };
    });
    w.kazDelegation = kaz.id;
    const kgz = await must('participants', 'POST', `/events/${w.open}/delegations`, {
      party: 'KGZ',
      coordinator: { name: 'Focal point of Kyrgyzstan', email: 'focal@kgz.example' },
    });
    w.kgzDelegation = kgz.json.id;
    await must('participants', 'POST', `/delegations/${w.kgzDelegation}/credentials-received`, {});
    w.kazDesignation = (await newDesignation()).id;
    w.kazPerson = (await newPerson(w.kazDelegation)).id;
    w.kazImport = await newImport();
    w.kazWithdrawn = (await newPerson(w.kazDelegation, 'withdraw')).id;
    w.kazAccredited = (await newPerson(w.kazDelegation, 'accredit')).id;
    w.kgzPerson = (
      await must('participants', 'POST', `/delegations/${w.kgzDelegation}/participants`, {
        name: { given: 'Aibek', family: 'Toktogulov' },
        role: 'head',
        email: 'a.toktogulov@kgz.example',
      })
    ).json.id;

    // The reports service learns of the meetings from the events topic.
    const first = await eventually(async () => {
      const r = await send('reports', 'POST', `/events/${w.held}/reports`, admin, {
        language: 'en',
        content: { title: 'Outcome of the meeting held', summary: 'The parties met and agreed.' },
      });
      expect(r.status).toBe(201);
      return r.json as { id: string };
    });
    w.report = first.id;
    await must('reports', 'POST', `/reports/${w.report}/submit`);
    await eventually(async () =>
      expect((await send('reports', 'POST', `/reports/${w.report}/publish`, admin, {})).status).toBe(200),
    );
    w.amended = (await newReport(w.held, 'published')).id;
    await must('reports', 'POST', `/reports/${w.amended}/amend`);
    await must(
      'reports',
      'PATCH',
      `/reports/${w.amended}/draft`,
      { summary: `An amendment not yet published (${DRAFT})` },
      { 'if-match': await etagOf('reports', `/reports/${w.amended}`) },
    );
    w.reviewedHeld = (await newReport(w.held, 'in-review', { language: 'ru' })).id;
    w.draftReport = (await eventually(() => newReport(w.open, 'draft', { language: 'en' }))).id;
    w.reviewedOpen = (await newReport(w.open, 'in-review', { language: 'ru' })).id;
    await eventually(async () =>
      expect((await send('reports', 'GET', `/events/${w.open}/attendance`, admin)).status).toBe(200),
    );
  });

  afterAll(stopAllApps);

  it.each(MATRIX)('%s: %s', async (app, endpoint, ...expected) => {
    const [method, template] = endpoint.split(' ');
    const how = HOW[endpoint] ?? {};
    const shared: Target = { meeting: w.open, party: 'KAZ', ...(await how.target?.()) };
    const targets = {} as Record<Caller, Target>;
    for (const [i, caller] of CALLERS.entries()) {
      const changes = expected[i] < 300 && how.fresh !== undefined;
      targets[caller] = changes ? { meeting: w.open, party: 'KAZ', ...(await how.fresh!()) } : shared;
    }
    const before = await how.state?.(shared);

    const answers = await Promise.all(
      CALLERS.map(async (caller) => {
        const t = targets[caller];
        return send(app, method, fill(template, t), await tokenOf(caller, t), how.body?.(t), {
          ...(how.ifMatch ? { 'if-match': t.etag! } : {}),
          ...(how.contentType ? { 'content-type': how.contentType } : {}),
        });
      }),
    );

    const statuses = Object.fromEntries(CALLERS.map((caller, i) => [caller, answers[i].status]));
    const leaks = CALLERS.flatMap((caller, i) => {
      const text = answers[i].text.toLowerCase();
      return [
        ...(text.includes(PRIVATE) && !maySeePrivate(caller, targets[caller]) ? [`${caller}: private`] : []),
        ...(text.includes(DRAFT) && caller !== 'sec' ? [`${caller}: draft`] : []),
      ];
    });
    expect({ statuses, leaks }).toEqual({
      statuses: Object.fromEntries(CALLERS.map((caller, i) => [caller, expected[i]])),
      leaks: [],
    });
    if (how.state) expect(await how.state(shared)).toEqual(before);
  });

  it('lists every endpoint the services document', async () => {
    const route = (endpoint: string) => {
      const [method, path] = endpoint.split(' ');
      return `${method} ${path.split('?')[0].replace(/:([A-Za-z]+)/g, '{$1}')}`;
    };
    for (const app of ['events', 'participants', 'reports'] as const) {
      const document = (await send(app, 'GET', '/docs/openapi.json')).json as {
        paths: Record<string, Record<string, unknown>>;
      };
      const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      );
      const listed = new Set(MATRIX.filter((row) => row[0] === app).map((row) => route(row[1])));
      expect(documented.filter((operation) => !listed.has(operation))).toEqual([]);
      expect(documented.length).toBeGreaterThan(3);
    }
  });
});
