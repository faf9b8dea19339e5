import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { validate } from '@readme/openapi-parser';
import {
  type AppName,
  type ServiceProcess,
  startApps,
  stopAllApps,
  testNamespace,
} from '../support/services.js';

interface OpenApiDocument {
  paths: Record<string, Record<string, { summary?: string; responses: Record<string, unknown> }>>;
  components: {
    schemas: Record<
      string,
      {
        properties?: Record<
          string,
          { example?: unknown; $ref?: string; items?: { $ref?: string }; allOf?: unknown[] }
        >;
      }
    >;
  };
}

const APPS: AppName[] = ['events', 'participants', 'reports'];

/** Each service serves an OpenAPI document generated from its DTOs; it must be valid and useful. */
describe('OpenAPI documents', () => {
  let apps: Record<AppName, ServiceProcess>;
  const documents = {} as Record<AppName, OpenApiDocument>;

  beforeAll(async () => {
    apps = await startApps(APPS, { namespace: testNamespace('openapi') });
    for (const name of APPS) {
      const response = await fetch(`${apps[name].url}/docs/openapi.json`);
      expect(response.status).toBe(200);
      documents[name] = (await response.json()) as OpenApiDocument;
    }
  });

  afterAll(stopAllApps);

  it.each(APPS)('%s: validates against the OpenAPI specification', async (name) => {
    await expect(validate(structuredClone(documents[name]) as never)).resolves.toMatchObject({ valid: true });
  });

  it.each(APPS)('%s: every operation has a summary and documents its errors', (name) => {
    for (const [path, operations] of Object.entries(documents[name].paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect([`${method} ${path}`, operation.summary]).toEqual([`${method} ${path}`, expect.any(String)]);
        expect([`${method} ${path}`, Object.keys(operation.responses)]).toEqual([
          `${method} ${path}`,
          expect.arrayContaining(['401']),
        ]);
      }
    }
  });

  // The reports service takes no request bodies yet.
  it.each(['events', 'participants'] as const)(
    '%s: every field of every request body has an example',
    (name) => {
      const inputs = Object.entries(documents[name].components.schemas).filter(([schema]) =>
        /(Dto|Input)$/.test(schema),
      );
      expect(inputs.length).toBeGreaterThan(0);
      for (const [schema, definition] of inputs) {
        for (const [field, property] of Object.entries(definition.properties ?? {})) {
          const described =
            property.example !== undefined || property.$ref || property.items?.$ref || property.allOf;
          expect([`${schema}.${field}`, Boolean(described)]).toEqual([`${schema}.${field}`, true]);
        }
      }
    },
  );
});
