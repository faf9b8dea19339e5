import { describe, expect, it } from '@jest/globals';
import { incompatibilities } from './schema-compatibility.js';

const released = {
  type: 'object',
  required: ['event'],
  properties: { event: { $ref: '#/$defs/Event' } },
  $defs: {
    Event: {
      type: 'object',
      required: ['id', 'state'],
      properties: {
        id: { type: 'string' },
        state: { type: 'string', enum: ['draft', 'announced'] },
        note: { type: 'string' },
      },
    },
  },
};

type EventSchema = { properties: Record<string, { type?: string; enum?: string[] }>; required: string[] };

const changed = (edit: (event: EventSchema) => void) => {
  const copy = structuredClone(released);
  edit(copy.$defs.Event as unknown as EventSchema);
  return copy;
};

describe('incompatibilities', () => {
  it('accepts the same schema and a new optional field', () => {
    expect(incompatibilities(released, released)).toEqual([]);
    expect(
      incompatibilities(
        released,
        changed((e) => (e.properties.venue = { type: 'string' })),
      ),
    ).toEqual([]);
  });

  it('refuses a removed, retyped, newly required or no longer required field, and changed allowed values', () => {
    expect(
      incompatibilities(
        released,
        changed((e) => delete e.properties.note),
      ),
    ).toEqual(['event.note: removed']);
    expect(
      incompatibilities(
        released,
        changed((e) => (e.properties.id = { type: 'integer' })),
      ),
    ).toEqual(['event.id: type changed from string to integer']);
    expect(
      incompatibilities(
        released,
        changed((e) => e.required.push('note')),
      ),
    ).toEqual(['event.note: now required']);
    expect(
      incompatibilities(
        released,
        changed((e) => (e.required = ['id'])),
      ),
    ).toEqual(['event.state: no longer required']);
    expect(
      incompatibilities(
        released,
        changed((e) => ((e.properties.venue = { type: 'string' }), e.required.push('venue'))),
      ),
    ).toEqual(['event.venue: added as required']);
    expect(
      incompatibilities(
        released,
        changed((e) => e.properties.state.enum!.push('cancelled')),
      ),
    ).toEqual([expect.stringMatching(/^event\.state: changed from/)]);
  });
});
