import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AttendanceView } from '@plenary/contracts';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import { TestKafka } from '../support/kafka.js';
import { freePort, ROOT } from '../support/local-stack.js';
import { cloudEvent, meetingPayload } from '../support/messages.js';
import {
  serviceEnv,
  type ServiceProcess,
  startApp,
  stopAllApps,
  testNamespace,
} from '../support/services.js';
import { secretariat } from '../support/tokens.js';

const run = promisify(execFile);

/** The operators' commands, on the real broker and store: rebuild read models from the topics, list and re-drive dead letters. */
describe('operations', () => {
  const namespace = testNamespace('ops');
  const eventsTopic = `${namespace}.plenary.events`;
  const kafka = new TestKafka();
  const meetings = [uuidv7(), uuidv7(), uuidv7()];
  let reports: ServiceProcess;
  let token: string;

  const tool = async (script: string, ...args: string[]) =>
    run(process.execPath, [join(ROOT, `dist/scripts/${script}.js`), ...args], {
      env: serviceEnv('reports', { namespace }, await freePort()),
      timeout: 90_000,
    });
  const titleOf = async (eventId: string) =>
    (await request<AttendanceView>('GET', `${reports.url}/events/${eventId}/attendance`, { token })).body
      .event?.title;

  beforeAll(async () => {
    token = await secretariat();
    reports = await startApp('reports', { namespace });
    await kafka.produce(
      eventsTopic,
      meetings.map((id, i) =>
        cloudEvent({ type: 'event.created', key: id, data: meetingPayload(id, `Meeting ${i}`) }),
      ),
    );
    await eventually(async () => expect(await titleOf(meetings[2])).toBe('Meeting 2'));
  });

  afterAll(stopAllApps);

  it('refuses to rebuild while the service runs, then rebuilds its read models from the topics', async () => {
    await expect(tool('rebuild-read-models', 'reports')).rejects.toMatchObject({
      stderr: expect.stringContaining('stop the reports service first'),
    });
    await reports.stop();

    // Damage the read model: the rebuild must restore it from the messages alone.
    const connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `${namespace}_reports` })
      .asPromise();
    await connection.collection('event_copies').updateMany({}, { $set: { 'snapshot.title': 'Damaged' } });
    await connection.close();

    const { stdout } = await tool('rebuild-read-models', 'reports');
    expect(stdout).toContain('cleared event_copies');
    expect(stdout).toMatch(/read models of reports rebuilt from \d+ messages/);

    reports = await startApp('reports', { namespace });
    for (const [i, id] of meetings.entries()) expect(await titleOf(id)).toBe(`Meeting ${i}`);
  });

  it('lists dead letters with their reasons and re-drives chosen ones to their topic', async () => {
    const eventId = uuidv7();
    const poison = cloudEvent({ type: 'event.created', key: eventId, data: { event: { id: eventId } } });
    await kafka.produce(eventsTopic, [poison]);
    const listed = await eventually(async () => {
      const { stdout } = await tool('dead-letters', 'list', 'reports');
      expect(stdout).toContain(`key ${eventId}`);
      return stdout;
    });
    expect(listed).toContain('invalid-payload');
    const position = new RegExp(`^(\\d+:\\d+) .*\\n.*key ${eventId}`, 'm').exec(listed)![1];

    const before = (await kafka.readAll(eventsTopic)).filter((m) => m.key === eventId).length;
    const { stdout } = await tool('dead-letters', 'redrive', 'reports', position);
    expect(stdout).toContain(`re-drove ${position} (event.created) to ${eventsTopic}`);
    const copies = (await kafka.readAll(eventsTopic)).filter((m) => m.key === eventId);
    expect(copies).toHaveLength(before + 1);
    expect(copies.at(-1)!.headers).toMatchObject({
      ce_id: (poison.headers as Record<string, string>).ce_id,
      ce_type: 'event.created',
    });
    expect(Object.keys(copies.at(-1)!.headers).filter((h) => h.startsWith('dlq-'))).toEqual([]);
    await eventually(async () =>
      expect((await tool('dead-letters', 'list', 'reports')).stdout).toContain('(re-driven)'),
    );
  });
});
