import { describe, expect, it } from '@jest/globals';
import type { AttendanceView, EventView } from '@plenary/contracts';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { buildReportDocument, changedOnText } from './report-document.js';

const event = {
  id: 'e',
  title: 'Meeting of representatives of member states of the Almaty Process',
  kind: 'meeting',
  state: 'concluded',
  languages: ['en'],
  startsAt: '2014-11-21T03:00:00.000Z',
  endsAt: '2014-11-21T12:00:00.000Z',
  timeZone: 'Asia/Almaty',
  venue: { name: 'Hotel InterContinental', city: 'Almaty', country: 'KAZ' },
  parties: [{ code: 'KAZ', kind: 'state', name: 'Kazakhstan', standings: ['member'] }],
  agenda: [],
  version: 9,
  createdAt: '2014-10-01T00:00:00.000Z',
  updatedAt: '2014-12-12T11:09:00.000Z',
} as EventView;

const attendance = {
  eventId: 'e',
  delegations: [
    {
      delegationId: 'd',
      party: { code: 'KAZ', kind: 'state', name: 'Kazakhstan' },
      state: 'accredited',
      registeredAt: '2014-11-01T00:00:00.000Z',
      head: {
        name: { given: 'Даулет', family: 'Аргандыков', givenLatin: 'Daulet', familyLatin: 'Argandykov' },
        position: 'Vice-Minister',
      },
      people: { participants: 3, accredited: 3, checkedIn: 2 },
    },
  ],
  totals: { delegations: 1, participants: 3, accredited: 3, checkedIn: 2 },
  compiledAt: '2014-11-21T12:00:00.000Z',
} as AttendanceView;

const source = (number: number, title = 'Outcome of the meeting') => ({
  language: 'en',
  number,
  state: 'published',
  content: {
    title,
    summary: 'The meeting agreed to reinforce coordination.',
    sections: [],
    statements: [{ speaker: 'Daulet Argandykov', party: 'KAZ', quote: 'As a single region…' }],
    decisions: [{ kind: 'agreement' as const, text: 'Reinforce coordination', parties: ['KAZ'] }],
    recommendations: [],
    followUps: [],
    annexes: [{ title: 'Trap', url: 'javascript:alert(1)' }],
  },
  publishedAt: new Date('2014-12-12T11:09:00Z'),
  attendance,
});

describe('the report as a document', () => {
  it('writes the last change in the meeting’s time as the seed page does', () => {
    expect(changedOnText(new Date('2014-12-12T11:09:00Z'), 'Asia/Almaty')).toBe('12 December, 2014 - 17:09');
  });

  it('shows the meeting, who took part and what was agreed, with party names', () => {
    const doc = buildReportDocument(source(2), event);
    expect(doc.meeting).toMatchObject({ date: '21 November 2014', place: 'Hotel InterContinental, Almaty' });
    expect(doc.attendance.lines).toEqual([
      {
        party: 'Kazakhstan',
        head: { name: 'Daulet Argandykov', originalName: 'Даулет Аргандыков', position: 'Vice-Minister' },
      },
    ]);
    expect(doc.attendance.totals).toBe('1 delegation, 3 accredited participants, 2 present');
    expect(doc.decisions).toEqual([
      { kind: 'agreement', text: 'Reinforce coordination', parties: ['Kazakhstan'] },
    ]);
    expect(doc.stamp).toBe('Changed on 12 December, 2014 - 17:09');
    expect(buildReportDocument(source(1), event).stamp).toBe('Published on 12 December, 2014 - 17:09');
  });

  it('renders HTML that escapes every user text and links only to the web', () => {
    const html = renderHtml(buildReportDocument(source(1, 'Outcome <img src=x onerror=alert(1)>'), event));
    expect(html).toContain('<h1>Outcome &lt;img src=x onerror=alert(1)&gt;</h1>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('Published on 12 December, 2014 - 17:09');
    expect(html).toContain('Daulet Argandykov (Даулет Аргандыков), Vice-Minister');
  });

  it('renders Markdown with the same content', () => {
    const markdown = renderMarkdown(buildReportDocument(source(2), event));
    expect(markdown).toContain('# Outcome of the meeting');
    expect(markdown).toContain('- **Kazakhstan** — Daulet Argandykov (Даулет Аргандыков), Vice-Minister');
    expect(markdown).toContain('> «As a single region…»');
    expect(markdown).toContain('Changed on 12 December, 2014 - 17:09');
  });
});
