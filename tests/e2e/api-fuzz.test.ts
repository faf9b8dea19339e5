import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  DelegationDetailsView,
  EventView,
  ParticipantDetailsView,
  ReportDetailsView,
} from '@plenary/contracts';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import {
  type AppName,
  type ServiceProcess,
  startApps,
  stopAllApps,
  testNamespace,
} from '../support/services.js';
import { coordinator, secretariat } from '../support/tokens.js';

/**
 * Property-based fuzzing of the HTTP API, driven by the OpenAPI documents the services serve.
 * For every operation, fast-check builds requests from the document: path parameters that name
 * real resources, unknown ones and malformed ones; query parameters and JSON bodies shaped by
 * the operation's schema, with one planted defect, or plain junk (any value, wrong types, huge
 * strings, deep nesting, broken JSON); sent with the secretariat's token or a coordinator's.
 * Whatever is sent:
 *   1. the answer is never a 5xx;
 *   2. a JSON answer matches the schema the document declares for that operation and status
 *      (errors: the shared ErrorResponse), and its status and media type are declared;
 *   3. a 400 lists the bad fields, and names the planted one.
 *
 * The seed is fixed, so a failure reproduces: fast-check prints the request that broke a
 * property. FUZZ_RUNS and FUZZ_SEED change the number of runs per operation and the seed for a
 * longer search on a developer's machine.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_128);
const RUNS = Number(process.env.FUZZ_RUNS ?? 80);

/** Every operation of the three services, in the order they are fuzzed: destructive ones last. */
const OPERATIONS: Array<[AppName, string, string]> = [
  ['participants', 'get', '/events/{eventId}/delegations'],
  ['participants', 'get', '/delegations/{id}'],
  ['participants', 'get', '/events/{eventId}/participants'],
  ['participants', 'get', '/participants/{id}'],
  ['participants', 'get', '/events/{eventId}/participants/summary'],
  ['participants', 'get', '/events/{eventId}/participants.csv'],
  ['participants', 'get', '/events/{eventId}/participants.xlsx'],
  ['participants', 'get', '/events/{eventId}/badges.pdf'],
  ['participants', 'post', '/events/{eventId}/delegations'],
  ['participants', 'patch', '/delegations/{id}'],
  ['participants', 'post', '/delegations/{delegationId}/participants'],
  ['participants', 'patch', '/participants/{id}'],
  ['participants', 'post', '/participants/{id}/accredit'],
  ['participants', 'post', '/participants/{id}/check-in'],
  ['participants', 'post', '/events/{eventId}/check-ins'],
  ['participants', 'post', '/participants/{id}/reject'],
  ['participants', 'post', '/participants/{id}/withdraw'],
  ['participants', 'post', '/participants/{id}/reinstate'],
  ['participants', 'post', '/delegations/{id}/credentials-received'],
  ['participants', 'post', '/delegations/{id}/accredit'],
  ['participants', 'post', '/delegations/{id}/withdraw'],
  ['participants', 'get', '/events/{eventId}/coordinators'],
  ['participants', 'get', '/coordinators/{id}'],
  ['participants', 'get', '/me/coordinations'],
  ['participants', 'post', '/events/{eventId}/coordinators'],
  ['participants', 'post', '/coordinators/{id}/revoke'],
  ['participants', 'get', '/participant-imports/template.xlsx'],
  ['participants', 'get', '/participant-imports/template.csv'],
  ['participants', 'post', '/delegations/{delegationId}/participant-imports'],
  ['participants', 'get', '/participant-imports/{id}'],
  ['participants', 'get', '/participant-imports/{id}/progress'],
  ['participants', 'post', '/participant-imports/{id}/run'],
  ['reports', 'get', '/events/{eventId}/attendance'],
  ['reports', 'get', '/events/{eventId}/dossier'],
  ['reports', 'get', '/events/{eventId}/reports'],
  ['reports', 'get', '/reports/{id}'],
  ['reports', 'get', '/reports/{id}.html'],
  ['reports', 'get', '/reports/{id}.md'],
  ['reports', 'get', '/reports/{id}.pdf'],
  ['reports', 'get', '/reports/{id}/versions'],
  ['reports', 'get', '/reports/{id}/versions/{number}'],
  ['reports', 'get', '/reports/{id}/versions/{number}/preview.{format}'],
  ['reports', 'get', '/reports/{id}/diff'],
  ['reports', 'post', '/events/{eventId}/reports'],
  ['reports', 'patch', '/reports/{id}/draft'],
  ['reports', 'post', '/reports/{id}/submit'],
  ['reports', 'post', '/reports/{id}/return'],
  ['reports', 'post', '/reports/{id}/publish'],
  ['reports', 'post', '/reports/{id}/amend'],
  ['reports', 'post', '/reports/{id}/withdraw'],
  ['events', 'get', '/events'],
  ['events', 'get', '/events/{id}'],
  ['events', 'get', '/events/{id}.ics'],
  ['events', 'get', '/events/{id}/history'],
  ['events', 'get', '/events/{id}/history/{version}'],
  ['events', 'get', '/events/{id}/as-of'],
  ['events', 'post', '/events'],
  ['events', 'patch', '/events/{id}'],
  ['events', 'post', '/events/{id}/agenda'],
  ['events', 'put', '/events/{id}/agenda/order'],
  ['events', 'patch', '/events/{id}/agenda/{itemId}'],
  ['events', 'delete', '/events/{id}/agenda/{itemId}'],
  ['events', 'post', '/events/{id}/announce'],
  ['events', 'post', '/events/{id}/open-registration'],
  ['events', 'post', '/events/{id}/close-registration'],
  ['events', 'post', '/events/{id}/start'],
  ['events', 'post', '/events/{id}/conclude'],
  ['events', 'post', '/events/{id}/postpone'],
  ['events', 'post', '/events/{id}/cancel'],
  ['events', 'delete', '/events/{id}'],
];

/** Statuses any operation may answer though none declares them: the body parser's refusals. */
const TRANSPORT_STATUSES = new Set([413]);

// --- The OpenAPI documents, as far as the fuzzer reads them ---------------------------------

interface Schema {
  type?: string;
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  format?: string;
  example?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** Follows $ref and single allOf wrappers, keeping the outer nullable. */
function resolve(document: OpenApiDocument, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; hops < 20; hops++) {
    if (current.$ref) {
      const name = current.$ref.replace('#/components/schemas/', '');
      current = { ...document.components.schemas[name], nullable: current.nullable };
    } else if (current.allOf?.length === 1 && !current.properties) {
      current = { ...current.allOf[0], nullable: current.nullable };
    } else return current;
  }
  throw new Error(`unresolvable schema ${JSON.stringify(schema)}`);
}

// --- Values shaped by a schema ---------------------------------------------------------------

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The examples' dates (2027-2028) move on with the calendar, keeping their order, so they stay ahead. */
const YEARS_AHEAD = Math.max(0, new Date().getUTCFullYear() - 2026);
const shiftYear = (iso: string) => `${Number(iso.slice(0, 4)) + YEARS_AHEAD}${iso.slice(4)}`;

const DAY = 86_400_000;
/** A moment from a year ago to three years ahead, written like the example (date only, UTC or an offset). */
const dateLike = (example: string) =>
  fc
    .tuple(
      fc.integer({ min: -365, max: 3 * 365 }),
      fc.integer({ min: 0, max: 23 }),
      fc.constantFrom('Z', '+05:00', '-03:30', '.000Z'),
    )
    .map(([days, hour, zone]) => {
      const date = new Date(Date.now() + days * DAY);
      date.setUTCHours(hour, 0, 0, 0);
      const iso = date.toISOString();
      if (!example.includes('T')) return iso.slice(0, 10);
      return zone === '.000Z' ? iso : `${iso.slice(0, 19)}${zone}`;
    });

function stringArb(schema: Schema): fc.Arbitrary<string> {
  const example = typeof schema.example === 'string' ? schema.example : undefined;
  const options: Array<fc.WeightedArbitrary<string>> = [
    {
      weight: 1,
      arbitrary: fc.string({
        unit: 'grapheme',
        minLength: schema.minLength ?? 0,
        maxLength: Math.min(schema.maxLength ?? 40, 200),
      }),
    },
  ];
  if (example !== undefined) {
    options.push({
      weight: 10,
      arbitrary: fc.constant(ISO_DATE.test(example) ? shiftYear(example) : example),
    });
    if (ISO_DATE.test(example)) options.push({ weight: 2, arbitrary: dateLike(example) });
    if (example.includes('@')) options.push({ weight: 2, arbitrary: fc.emailAddress() });
    if (UUID.test(example)) options.push({ weight: 2, arbitrary: fc.uuid() });
    if (/^https?:\/\//.test(example)) options.push({ weight: 2, arbitrary: fc.webUrl() });
  }
  if (schema.format === 'date-time') options.push({ weight: 3, arbitrary: dateLike('T') });
  if (schema.format === 'date') options.push({ weight: 3, arbitrary: dateLike('') });
  if (schema.format === 'email') options.push({ weight: 3, arbitrary: fc.emailAddress() });
  if (schema.format === 'uuid') options.push({ weight: 3, arbitrary: fc.uuid() });
  if (schema.format === 'uri') options.push({ weight: 3, arbitrary: fc.webUrl() });
  return fc.oneof(...options);
}

function numberArb(schema: Schema): fc.Arbitrary<number> {
  const integral = schema.type === 'integer' || Number.isInteger(schema.example ?? 1);
  const min = schema.minimum ?? -10;
  const max = schema.maximum ?? Math.max(min, 1_000);
  const options: Array<fc.WeightedArbitrary<number>> = [
    { weight: 4, arbitrary: integral ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true }) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  ];
  if (typeof schema.example === 'number') options.push({ weight: 3, arbitrary: fc.constant(schema.example) });
  return fc.oneof(...options);
}

/** Left out two times in three. */
const mostlyAbsent = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

/** A value of the schema's shape: mostly what the API accepts, sometimes just outside it. */
function shaped(document: OpenApiDocument, raw: Schema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(document, raw);
  const arbitrary = ((): fc.Arbitrary<unknown> => {
    if (depth > 8) return fc.constant({});
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    const variants = schema.oneOf ?? schema.anyOf;
    if (variants) return fc.oneof(...variants.map((s) => shaped(document, s, depth + 1)));
    if (schema.allOf) {
      const merged = schema.allOf.map((s) => resolve(document, s));
      return shaped(document, {
        type: 'object',
        properties: Object.assign({}, ...merged.map((s) => s.properties ?? {})),
        required: merged.flatMap((s) => s.required ?? []),
      });
    }
    switch (schema.type) {
      case 'string':
        return stringArb(schema);
      case 'number':
      case 'integer':
        return numberArb(schema);
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const generated = fc.array(shaped(document, schema.items ?? {}, depth + 1), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 3, 3),
        });
        return Array.isArray(schema.example)
          ? fc.oneof(
              { weight: 2, arbitrary: fc.constant(schema.example) },
              { weight: 1, arbitrary: generated },
            )
          : generated;
      }
      default: {
        if (!schema.properties)
          return schema.example !== undefined ? fc.constant(schema.example) : fc.jsonValue();
        // Optional fields mostly left out: each one sent is one more chance to spoil the request.
        const required = new Set(schema.required ?? []);
        const properties = Object.entries(schema.properties).map(([key, s]) => {
          const value = shaped(document, s, depth + 1).map((v) => [key, v] as const);
          return required.has(key) ? value : mostlyAbsent(value);
        });
        return fc
          .tuple(...properties)
          .map((entries) => Object.fromEntries(entries.filter((e) => e !== undefined)));
      }
    }
  })();
  return schema.nullable ? fc.option(arbitrary, { nil: null, freq: 8 }) : arbitrary;
}

/** A value of any other JSON type than the schema's (never null: null means "remove" for optional fields). */
function wrongType(document: OpenApiDocument, raw: Schema): fc.Arbitrary<unknown> {
  const schema = resolve(document, raw);
  const string = fc.string({ maxLength: 8 });
  const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  const object = fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.integer(), { maxKeys: 2 });
  const type = schema.enum ? 'string' : schema.properties || schema.$ref ? 'object' : schema.type;
  switch (type) {
    case 'string':
      return fc.oneof(number, fc.boolean(), fc.array(string, { maxLength: 2 }), object);
    case 'number':
    case 'integer':
      return fc.oneof(string, fc.boolean(), fc.array(number, { maxLength: 2 }), object);
    case 'boolean':
      return fc.oneof(string, number, object);
    case 'array':
      return fc.oneof(string, number, fc.boolean());
    default:
      return fc.oneof(
        string.filter((s) => s !== ''),
        number,
        fc.boolean(),
      );
  }
}

// --- Junk --------------------------------------------------------------------------------------

const JUNK_STRINGS = [
  "' OR '1'='1",
  '{"$gt":""}',
  '$where',
  '%00',
  'null',
  'undefined',
  '[object Object]',
  '__proto__',
  'constructor',
  '\u0000',
  '\u202e\u0644',
  '😀👩‍👩‍👧',
  'x'.repeat(3_000),
];
const junkString = fc
  .oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), fc.constantFrom(...JUNK_STRINGS))
  // "." and ".." are path segments that URLs resolve away: they would name another route.
  .filter((s) => s.trim() !== '' && s !== '.' && s !== '..');

/** Something that is almost a UUID. */
const malformedUuid = fc.tuple(fc.uuid(), fc.integer({ min: 0, max: 7 })).map(
  ([u, how]) =>
    [
      u.slice(1),
      `${u}a`,
      u.replace(/-/g, ''),
      `{${u}}`,
      `${u.slice(0, 35)}g`,
      ` ${u}`,
      `urn:uuid:${u}`,
      `${u.slice(0, 14)}0${u.slice(15)}`, // version 0
    ][how],
);

/** An object nested `depth` levels deep. */
/**
 * A JSON body with a value nested `depth` levels deep, as text: fast-check would overflow the
 * stack printing it as an object.
 */
function nested(depth: number, arrays: boolean): string {
  const [open, close] = arrays ? ['[', ']'] : ['{"a":', '}'];
  return `{"nested":${open.repeat(depth)}"bottom"${close.repeat(depth)}}`;
}

// --- Requests ----------------------------------------------------------------------------------

type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown; planted?: string }
  | { kind: 'raw'; text: string; contentType: string };

interface FuzzRequest {
  as: 'secretariat' | 'coordinator';
  path: string;
  /** Every path parameter is a well-formed id (real or not). */
  wellFormedPath: boolean;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  /** The If-Match header is absent or an ETag. */
  wellFormedHeaders: boolean;
  body: Body;
}

type Pool =
  | 'events'
  | 'agenda'
  | 'delegations'
  | 'participants'
  | 'coordinators'
  | 'reports'
  | 'imports'
  | 'number'
  | 'format';

/** The kind of value a path parameter takes, from the segment before it. */
function poolOf(path: string, name: string): Pool {
  if (name === 'format') return 'format';
  const before = path.split(`{${name}}`)[0].split('/').filter(Boolean).pop();
  const pools: Record<string, Pool> = {
    events: 'events',
    agenda: 'agenda',
    delegations: 'delegations',
    participants: 'participants',
    coordinators: 'coordinators',
    reports: 'reports',
    'participant-imports': 'imports',
    history: 'number',
    versions: 'number',
  };
  if (!before || !pools[before]) throw new Error(`No values for the path parameter ${name} of ${path}`);
  return pools[before];
}

type Ids = Record<Exclude<Pool, 'number' | 'format'>, string[]>;

function pathParameterArb(pool: Pool, ids: Ids): fc.Arbitrary<{ text: string; wellFormed: boolean }> {
  const good = (arb: fc.Arbitrary<string>) => arb.map((text) => ({ text, wellFormed: true }));
  const bad = (arb: fc.Arbitrary<string>) => arb.map((text) => ({ text, wellFormed: false }));
  if (pool === 'number')
    return fc.oneof(
      { weight: 6, arbitrary: good(fc.integer({ min: 0, max: 4 }).map(String)) },
      { weight: 1, arbitrary: good(fc.integer().map(String)) },
      { weight: 2, arbitrary: bad(fc.constantFrom('1.5', '1e2', '0x10', '١', '9'.repeat(400))) },
      { weight: 2, arbitrary: bad(junkString) },
    );
  if (pool === 'format')
    return fc.oneof(
      { weight: 6, arbitrary: good(fc.constantFrom('html', 'md', 'pdf')) },
      { weight: 2, arbitrary: good(junkString) },
    );
  const all = Object.values(ids).flat();
  return fc.oneof(
    { weight: 6, arbitrary: good(fc.constantFrom(...ids[pool])) },
    { weight: 1, arbitrary: good(fc.constantFrom(...all)) },
    { weight: 1, arbitrary: good(fc.uuid()) },
    { weight: 2, arbitrary: bad(malformedUuid) },
    { weight: 2, arbitrary: bad(junkString) },
  );
}

const queryText = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);

function queryArb(document: OpenApiDocument, parameters: Parameter[]): fc.Arbitrary<Array<[string, string]>> {
  const each = parameters.map((p) => {
    const value = fc.oneof(
      { weight: 5, arbitrary: shaped(document, p.schema ?? {}).map((v) => [queryText(v)]) },
      { weight: 1, arbitrary: junkString.map((v) => [v]) },
      { weight: 1, arbitrary: fc.array(junkString, { minLength: 2, maxLength: 3 }) }, // ?a=1&a=2
    );
    const present = p.required ? value : mostlyAbsent(value);
    return present.map((values) => (values ?? []).map((v): [string, string] => [p.name, v]));
  });
  const extra = fc.option(
    fc.tuple(
      fc.oneof(
        fc.stringMatching(/^[a-z]{1,8}$/),
        fc.constantFrom('limit[$gt]', '__proto__', 'constructor[prototype]', 'state[]', '$where'),
      ),
      junkString,
    ),
    { nil: undefined, freq: 6 },
  );
  return fc
    .tuple(fc.tuple(...each), extra)
    .map(([pairs, more]) => [...pairs.flat(), ...(more ? [more] : [])]);
}

function bodyArb(document: OpenApiDocument, schema: Schema | undefined, method: string): fc.Arbitrary<Body> {
  const none = fc.constant<Body>({ kind: 'none' });
  const raw = fc
    .tuple(
      fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom(
          '{',
          '{"a":',
          '[1,2',
          '{"__proto__":{"polluted":1}}',
          '{"constructor":{"prototype":{}}}',
          'null',
          '"text"',
          '42',
        ),
      ),
      fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
    )
    .map(([text, contentType]): Body => ({ kind: 'raw', text, contentType }));
  const anything = fc.anything({ maxDepth: 3 }).map((value): Body => ({ kind: 'json', value }));
  const deep = fc.tuple(fc.integer({ min: 50, max: 3_000 }), fc.boolean()).map(([depth, arrays]): Body => ({
    kind: 'raw',
    text: nested(depth, arrays),
    contentType: 'application/json',
  }));
  if (!schema) {
    // Operations without a body ignore one; GET cannot carry one.
    return method === 'get'
      ? none
      : fc.oneof(
          { weight: 6, arbitrary: none },
          { weight: 1, arbitrary: anything },
          { weight: 1, arbitrary: raw },
        );
  }
  const resolved = resolve(document, schema);
  const properties = Object.entries(resolved.properties ?? {});
  const valid = shaped(document, schema);
  const asObject = (v: unknown) =>
    (v && typeof v === 'object' && !Array.isArray(v) ? v : {}) as Record<string, unknown>;
  const planted: Array<fc.Arbitrary<Body>> = [
    // A field it does not know.
    fc
      .tuple(valid, fc.stringMatching(/^[a-z][a-zA-Z]{0,11}$/))
      .filter(([, key]) => !resolved.properties?.[key])
      .map(([v, key]): Body => ({
        kind: 'json',
        value: { ...asObject(v), [key]: 'surprise' },
        planted: key,
      })),
  ];
  if (properties.length) {
    // A field of the wrong type.
    planted.push(
      fc
        .constantFrom(...properties)
        .chain(([key, s]) => fc.tuple(valid, fc.constant(key), wrongType(document, s)))
        .map(([v, key, wrong]): Body => ({
          kind: 'json',
          value: { ...asObject(v), [key]: wrong },
          planted: key,
        })),
    );
    // A string field far too long (or the body too large).
    const strings = properties.filter(
      ([, s]) => resolve(document, s).type === 'string' && !resolve(document, s).enum,
    );
    if (strings.length)
      planted.push(
        fc
          .tuple(
            valid,
            fc.constantFrom(...strings),
            fc.integer({ min: 3, max: 18 }),
            fc.constantFrom('x', 'ж', '😀'),
          )
          .map(([v, [key], power, unit]): Body => ({
            kind: 'json',
            value: { ...asObject(v), [key]: unit.repeat(2 ** power) },
          })),
      );
  }
  for (const key of resolved.required ?? []) {
    // A required field left out.
    planted.push(
      valid.map((v): Body => {
        const { [key]: _left, ...rest } = asObject(v);
        return { kind: 'json', value: rest, planted: key };
      }),
    );
  }
  return fc.oneof(
    { weight: 8, arbitrary: valid.map((value): Body => ({ kind: 'json', value })) },
    { weight: 5, arbitrary: fc.oneof(...planted) },
    { weight: 1, arbitrary: anything },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: raw },
    { weight: 1, arbitrary: none },
  );
}

function ifMatchArb(parameter: Parameter | undefined) {
  const etag = fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('"%"', 'W/"%"', '%'))
    .map(([v, form]) => form.replace('%', String(v)));
  const junk = fc.stringMatching(/^[\x20-\x7e]{0,20}$/).filter((s) => !/^\s*(W\/)?"?\d{1,9}"?\s*$/.test(s));
  if (!parameter) return fc.constant({ value: undefined, wellFormed: true });
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant({ value: undefined, wellFormed: true }) },
    { weight: 5, arbitrary: etag.map((value) => ({ value, wellFormed: true })) },
    { weight: 1, arbitrary: junk.map((value) => ({ value, wellFormed: false })) },
  );
}

function requestArb(
  document: OpenApiDocument,
  method: string,
  path: string,
  operation: Operation,
  ids: Ids,
): fc.Arbitrary<FuzzRequest> {
  const parameters = operation.parameters ?? [];
  const pathParameters = parameters.filter((p) => p.in === 'path');
  const accept =
    method === 'get'
      ? fc.option(fc.constantFrom('application/json', 'text/calendar', 'text/csv', '*/*', 'text/html'), {
          nil: undefined,
          freq: 2,
        })
      : fc.constant(undefined);
  return fc
    .record({
      as: fc.constantFrom<FuzzRequest['as']>('secretariat', 'secretariat', 'secretariat', 'coordinator'),
      params: fc.tuple(...pathParameters.map((p) => pathParameterArb(poolOf(path, p.name), ids))),
      query: queryArb(
        document,
        parameters.filter((p) => p.in === 'query'),
      ),
      ifMatch: ifMatchArb(parameters.find((p) => p.in === 'header' && p.name === 'If-Match')),
      accept,
      body: bodyArb(document, operation.requestBody?.content['application/json']?.schema, method),
    })
    .map(({ as, params, query, ifMatch, accept, body }) => {
      let url = path;
      pathParameters.forEach(
        (p, i) => (url = url.replace(`{${p.name}}`, encodeURIComponent(params[i].text))),
      );
      const headers: Record<string, string> = {};
      if (ifMatch.value !== undefined) headers['if-match'] = ifMatch.value;
      if (accept) headers.accept = accept;
      return {
        as,
        path: url,
        wellFormedPath: params.every((p) => p.wellFormed),
        query,
        headers,
        wellFormedHeaders: ifMatch.wellFormed,
        body,
      };
    });
}

// --- Checking the answers ----------------------------------------------------------------------

interface Answer {
  status: number;
  mediaType: string;
  text: string;
  json?: unknown;
}

async function send(base: string, method: string, fuzz: FuzzRequest, token: string): Promise<Answer> {
  const query = new URLSearchParams(fuzz.query).toString();
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...fuzz.headers };
  let body: string | undefined;
  if (fuzz.body.kind === 'json') {
    body = JSON.stringify(fuzz.body.value);
    if (body !== undefined) headers['content-type'] = 'application/json';
  } else if (fuzz.body.kind === 'raw') {
    body = fuzz.body.text;
    headers['content-type'] = fuzz.body.contentType;
  }
  const response = await fetch(`${base}${fuzz.path}${query ? `?${query}` : ''}`, {
    method: method.toUpperCase(),
    headers,
    body,
  });
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0].trim();
  const text = await response.text();
  const answer: Answer = { status: response.status, mediaType, text };
  if (mediaType === 'application/json') {
    try {
      answer.json = JSON.parse(text);
    } catch {
      // reported by the check
    }
  }
  return answer;
}

function describeExchange(method: string, fuzz: FuzzRequest, answer: Answer): string {
  const cut = (s: string) => (s.length > 600 ? `${s.slice(0, 600)}… (${s.length} characters)` : s);
  const body =
    fuzz.body.kind === 'json'
      ? cut(JSON.stringify(fuzz.body.value) ?? 'undefined')
      : fuzz.body.kind === 'raw'
        ? `${fuzz.body.contentType}: ${cut(fuzz.body.text)}`
        : '(none)';
  return [
    `${method.toUpperCase()} ${cut(fuzz.path)}${fuzz.query.length ? `?${cut(new URLSearchParams(fuzz.query).toString())}` : ''} as ${fuzz.as}`,
    `headers ${JSON.stringify(fuzz.headers)}`,
    `body ${body}`,
    `→ ${answer.status} ${answer.mediaType} ${cut(answer.text)}`,
  ].join('\n  ');
}

describe('API fuzzing from the OpenAPI documents', () => {
  const namespace = testNamespace('apifuzz');
  let apps: Record<AppName, ServiceProcess>;
  const documents = {} as Record<AppName, OpenApiDocument>;
  const tokens = {} as Record<FuzzRequest['as'], string>;
  const ids: Ids = {
    events: [],
    agenda: [],
    delegations: [],
    participants: [],
    coordinators: [],
    reports: [],
    imports: [],
  };
  const ajv = new Ajv({ allErrors: true, strict: false });
  (addFormatsModule as unknown as (ajv: Ajv) => Ajv)(ajv);
  ajv.addFormat('binary', true);
  const validators = new Map<string, ValidateFunction>();

  const inDays = (days: number, hour = 9) => {
    const date = new Date(Date.now() + days * DAY);
    date.setUTCHours(hour, 0, 0, 0);
    return date.toISOString();
  };
  const call = <T>(app: AppName, method: string, path: string, body?: unknown, token = tokens.secretariat) =>
    request<T>(method, `${apps[app].url}${path}`, { token, body });
  const ok = <T>(response: { status: number; body: T }, status = [200, 201]): T => {
    expect([status.includes(response.status), response.body]).toEqual([true, response.body]);
    return response.body;
  };

  /** A meeting with its agenda, taken as far as the given steps. */
  async function meeting(steps: string[], parties = ['KAZ', 'AFG', 'TJK']): Promise<EventView> {
    let event = ok(
      await call<EventView>('events', 'POST', '/events', {
        title: `Fuzzing consultation ${steps.length}`,
        kind: 'expert-consultation',
        startsAt: inDays(60),
        endsAt: inDays(60, 17),
        timeZone: 'Asia/Almaty',
        registration: { opensAt: inDays(-1), closesAt: inDays(50), quotaPerDelegation: 6 },
        parties: parties.map((code) => ({ code, standings: ['member'] })),
        agenda: [{ title: 'Opening' }, { title: 'Adoption of the agenda', description: 'Item 2' }],
      }),
    );
    for (const step of steps)
      event = ok(await call<EventView>('events', 'POST', `/events/${event.id}/${step}`));
    ids.events.push(event.id);
    ids.agenda.push(...event.agenda.map((item) => item.id));
    return event;
  }

  /** Validates a JSON body against a schema of the service's document. */
  function validator(app: AppName, key: string, schema: Schema): ValidateFunction {
    const cacheKey = `${app} ${key}`;
    let validate = validators.get(cacheKey);
    if (!validate) {
      validate = ajv.compile({ ...schema, components: documents[app].components });
      validators.set(cacheKey, validate);
    }
    return validate;
  }

  function problemsWith(
    app: AppName,
    method: string,
    path: string,
    fuzz: FuzzRequest,
    answer: Answer,
  ): string[] {
    const problems: string[] = [];
    const operation = documents[app].paths[path][method];
    if (answer.status >= 500) problems.push(`a ${answer.status}`);
    const declared = operation.responses[String(answer.status)];
    if (!declared && !TRANSPORT_STATUSES.has(answer.status))
      problems.push(
        `status ${answer.status} is not declared (declared: ${Object.keys(operation.responses)})`,
      );
    if (answer.status >= 400 && answer.mediaType !== 'application/json')
      problems.push(`an error answered as ${answer.mediaType || 'no media type'}, not JSON`);
    if (answer.text && answer.status !== 204) {
      if (declared && !declared.content?.[answer.mediaType])
        problems.push(
          `media type ${answer.mediaType} is not declared for ${answer.status} (declared: ${Object.keys(declared.content ?? {})})`,
        );
      if (answer.mediaType === 'application/json') {
        if (answer.json === undefined) problems.push('the body is not JSON');
        else {
          const schema =
            declared?.content?.['application/json']?.schema ??
            (answer.status >= 400 ? { $ref: '#/components/schemas/ErrorResponse' } : undefined);
          if (schema) {
            const validate = validator(app, `${method} ${path} ${answer.status}`, schema);
            if (!validate(answer.json))
              problems.push(
                `the body breaks its schema: ${ajv.errorsText(validate.errors, { separator: '; ' })}`,
              );
          }
        }
      }
    }
    if (answer.status === 400) {
      const error = (answer.json ?? {}) as {
        code?: string;
        errors?: Array<{ field?: unknown; messages?: unknown }>;
      };
      // A body that is not JSON has no fields to name.
      if (error.code !== 'INVALID_JSON') {
        const fields = Array.isArray(error.errors) ? error.errors : [];
        if (!fields.length) problems.push('a 400 without the bad fields in errors');
        for (const entry of fields)
          if (
            // (A field may be named "": a body can have a key "".)
            typeof entry.field !== 'string' ||
            !Array.isArray(entry.messages) ||
            !entry.messages.length
          )
            problems.push(`a 400 error entry without a field or messages: ${JSON.stringify(entry)}`);
      }
    }
    const planted = fuzz.body.kind === 'json' ? fuzz.body.planted : undefined;
    if (planted !== undefined && fuzz.as === 'secretariat' && fuzz.wellFormedPath && fuzz.wellFormedHeaders) {
      // Everything else is well-formed: the planted defect alone decides, and is named.
      const fields = ((answer.json as { errors?: Array<{ field: string }> })?.errors ?? []).map(
        (e) => e.field,
      );
      const named = fields.some(
        (f) => f === planted || f.startsWith(`${planted}.`) || f.startsWith(`${planted}[`),
      );
      if (answer.status !== 400 || !named)
        problems.push(
          `the bad field ${planted} is not named in a 400 (fields: ${fields.join(', ') || 'none'})`,
        );
    }
    return problems;
  }

  beforeAll(async () => {
    apps = await startApps(['events', 'participants', 'reports'], { namespace });
    for (const name of ['events', 'participants', 'reports'] as const) {
      const response = await fetch(`${apps[name].url}/docs/openapi.json`);
      expect(response.status).toBe(200);
      documents[name] = (await response.json()) as OpenApiDocument;
    }
    tokens.secretariat = await secretariat();

    // Real resources for the path parameters: meetings in several states, delegations,
    // participants, and reports (one published).
    const open = await meeting(['announce', 'open-registration']);
    await meeting([]);
    const held = await meeting(['announce', 'start']);
    tokens.coordinator = await coordinator(open.id, 'KAZ');
    const kaz = await eventually(async () =>
      ok(
        await call<DelegationDetailsView>(
          'participants',
          'POST',
          `/events/${open.id}/delegations`,
          { party: 'KAZ', coordinator: { name: 'Focal point', email: 'focal@kaz.example' } },
          tokens.coordinator,
        ),
      ),
    );
    const afg = ok(
      await call<DelegationDetailsView>('participants', 'POST', `/events/${open.id}/delegations`, {
        party: 'AFG',
        coordinator: { name: 'Focal point', email: 'focal@afg.example' },
      }),
    );
    ids.delegations.push(kaz.id, afg.id);
    const people = [
      [
        kaz.id,
        { given: 'Даулет', family: 'Аргандыков', givenLatin: 'Daulet', familyLatin: 'Argandykov' },
        'head',
      ],
      [kaz.id, { given: 'Aigerim', family: 'Sadykova' }, 'member'],
      [afg.id, { given: 'Farid', family: 'Ahmadi' }, 'head'],
    ] as const;
    for (const [delegation, name, role] of people) {
      const person = ok(
        await call<ParticipantDetailsView>(
          'participants',
          'POST',
          `/delegations/${delegation}/participants`,
          {
            name,
            role,
            email: `${name.family.toLowerCase()}@example.org`,
          },
        ),
      );
      ids.participants.push(person.id);
    }
    ok(await call('participants', 'POST', `/participants/${ids.participants[0]}/accredit`));
    // An import in preview, from a file of one person.
    const upload = await fetch(`${apps.participants.url}/delegations/${kaz.id}/participant-imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.secretariat}`, 'content-type': 'text/csv' },
      body: 'given,family,role,email\r\nAsel,Imported,member,asel.imported@example.org\r\n',
    });
    expect(upload.status).toBe(201);
    ids.imports.push(((await upload.json()) as { id: string }).id);
    for (const [party, email] of [
      ['KAZ', 'focal.point@mfa.kz'],
      ['AFG', 'focal.point@mfa.af'],
    ]) {
      const designation = ok(
        await call<{ id: string }>('participants', 'POST', `/events/${open.id}/coordinators`, {
          party,
          email,
        }),
      );
      ids.coordinators.push(designation.id);
    }
    const report = await eventually(async () =>
      ok(
        await call<ReportDetailsView>('reports', 'POST', `/events/${held.id}/reports`, {
          language: 'en',
          content: { title: 'Outcome of the consultation', summary: 'The parties agreed to meet again.' },
        }),
      ),
    );
    ok(await call('reports', 'POST', `/reports/${report.id}/submit`));
    await eventually(async () => ok(await call('reports', 'POST', `/reports/${report.id}/publish`, {})));
    const draft = ok(
      await call<ReportDetailsView>('reports', 'POST', `/events/${held.id}/reports`, {
        language: 'ru',
        content: { title: 'Итоги консультации' },
      }),
    );
    ids.reports.push(report.id, draft.id);
  });

  afterAll(stopAllApps);

  it('fuzzes every operation the documents describe', () => {
    const documented = (['events', 'participants', 'reports'] as const).flatMap((app) =>
      Object.entries(documents[app].paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${app} ${method} ${path}`),
      ),
    );
    expect(OPERATIONS.map((o) => o.join(' ')).sort()).toEqual(documented.sort());
  });

  it.each(OPERATIONS)('%s: %s %s', async (app, method, path) => {
    const operation = documents[app].paths[path]?.[method];
    expect(operation).toBeDefined();
    await fc.assert(
      fc.asyncProperty(requestArb(documents[app], method, path, operation, ids), async (fuzz) => {
        const answer = await send(apps[app].url, method, fuzz, tokens[fuzz.as]);
        const problems = problemsWith(app, method, path, fuzz, answer);
        if (problems.length)
          throw new Error(`${problems.join('\n')}\n  ${describeExchange(method, fuzz, answer)}`);
      }),
      {
        seed: SEED + OPERATIONS.findIndex(([a, m, p]) => a === app && m === method && p === path),
        numRuns: RUNS,
        endOnFailure: true,
      },
    );
  });
});
