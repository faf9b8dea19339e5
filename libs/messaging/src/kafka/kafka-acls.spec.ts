import { describe, expect, it } from '@jest/globals';
import { AclOperationTypes, AclResourceTypes, ResourcePatternTypes } from 'kafkajs';
import { plenaryAcls } from './kafka-acls.js';

// kafkajs' enums are plain objects, without TypeScript's reverse mapping.
const nameOf = (values: object, value: number) => Object.entries(values).find(([, v]) => v === value)?.[0];

const grants = (principal: string, operation: AclOperationTypes, prefix = '') =>
  plenaryAcls({
    topicPrefix: prefix,
    subscribers: [{ principal: 'User:subscriber', group: 'outcome-pages' }],
  })
    .filter((a) => a.principal === principal && a.operation === operation)
    .map(
      (a) =>
        `${nameOf(AclResourceTypes, a.resourceType)}:${nameOf(ResourcePatternTypes, a.resourcePatternType)}:${a.resourceName}`,
    )
    .sort();

describe('plenaryAcls', () => {
  it('lets each service write and create only its own topic and dead-letter topic', () => {
    for (const operation of [AclOperationTypes.WRITE, AclOperationTypes.CREATE]) {
      expect(grants('User:events', operation)).toEqual([
        'TOPIC:LITERAL:plenary-events.dead-letter',
        'TOPIC:LITERAL:plenary.events',
      ]);
      expect(grants('User:participants', operation, 'prod.')).toEqual([
        'TOPIC:LITERAL:prod.plenary-participants.dead-letter',
        'TOPIC:LITERAL:prod.plenary.participants',
      ]);
    }
  });

  it('lets a service read every Plenary topic and its own dead letters, with its own groups', () => {
    expect(grants('User:reports', AclOperationTypes.READ)).toEqual([
      'GROUP:PREFIXED:plenary-reports',
      'TOPIC:LITERAL:plenary-reports.dead-letter',
      'TOPIC:LITERAL:plenary.events',
      'TOPIC:LITERAL:plenary.participants',
      'TOPIC:LITERAL:plenary.reports',
    ]);
  });

  it('lets the console read the participants topic with its own groups, and write nothing', () => {
    expect(grants('User:console', AclOperationTypes.READ, 'prod.')).toEqual([
      'GROUP:PREFIXED:plenary-console',
      'TOPIC:LITERAL:prod.plenary.participants',
    ]);
    const operations = plenaryAcls()
      .filter((a) => a.principal === 'User:console')
      .map((a) => a.operation);
    expect(new Set(operations)).toEqual(new Set([AclOperationTypes.READ]));
  });

  it('lets a subscriber read the public topics and nothing else', () => {
    expect(grants('User:subscriber', AclOperationTypes.READ)).toEqual([
      'GROUP:PREFIXED:outcome-pages',
      'TOPIC:LITERAL:plenary.events',
      'TOPIC:LITERAL:plenary.participants',
      'TOPIC:LITERAL:plenary.reports',
    ]);
    const operations = plenaryAcls({
      subscribers: [{ principal: 'User:subscriber', group: 'outcome-pages' }],
    })
      .filter((a) => a.principal === 'User:subscriber')
      .map((a) => a.operation);
    expect(new Set(operations)).toEqual(new Set([AclOperationTypes.READ]));
  });
});
