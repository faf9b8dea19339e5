import { describe, expect, it } from '@jest/globals';
import type { ReportContent } from '../../../../../../libs/contracts/src/reports/report-content';
import { contentDiff } from './content-diff';

const base: ReportContent = {
  title: 'Outcome of the meeting',
  summary: 'The member states met in Almaty.',
  sections: [{ kind: 'opening', title: 'Opening', text: 'The chair opened the meeting.' }],
  statements: [
    { speaker: 'Daulet Argandykov', party: 'KAZ', quote: 'We are one region.' },
    { speaker: 'Mohammed Al-Amin', quote: 'We thank the hosts.' },
  ],
  decisions: [],
  recommendations: [],
  followUps: [],
  annexes: [],
};

const changedWords = (rows: ReturnType<typeof contentDiff>, part: string) =>
  rows
    .filter((r) => r.part === part && r.change !== 'same')
    .map((r) => ({
      change: r.change,
      removed: r.before.filter((w) => w.change === 'removed').map((w) => w.text.trim()),
      added: r.after.filter((w) => w.change === 'added').map((w) => w.text.trim()),
    }));

describe('contentDiff', () => {
  it('marks the words changed in an entry, and nothing in entries left as they were', () => {
    const rows = contentDiff(base, {
      ...base,
      summary: 'The member states met in Almaty and agreed.',
    });
    expect(changedWords(rows, 'summary')).toEqual([
      { change: 'changed', removed: [], added: ['and agreed'] },
    ]);
    const summary = rows.find((r) => r.part === 'summary')!;
    expect(summary.after.map((w) => w.text).join('')).toBe('The member states met in Almaty and agreed.');
    expect(
      summary.after
        .filter((w) => w.change === 'added')
        .map((w) => w.text)
        .join(''),
    ).toContain('agreed');
    expect(rows.filter((r) => r.part === 'statements').map((r) => r.change)).toEqual(['same', 'same']);
  });

  it('shows an inserted entry as one added row, not every later one as changed', () => {
    const rows = contentDiff(base, {
      ...base,
      statements: [
        base.statements[0]!,
        { speaker: 'Aigerim Sadykova', quote: 'Kyrgyzstan will host the next meeting.' },
        base.statements[1]!,
      ],
    });
    expect(rows.filter((r) => r.part === 'statements').map((r) => r.change)).toEqual([
      'same',
      'added',
      'same',
    ]);
  });

  it('reads a removed entry next to an added one as that entry changed, and a dropped one as removed', () => {
    const rows = contentDiff(base, {
      ...base,
      sections: [{ kind: 'opening', title: 'Opening', text: 'The chair opened the session.' }],
      statements: [base.statements[0]!],
    });
    expect(changedWords(rows, 'sections')).toEqual([
      { change: 'changed', removed: ['meeting'], added: ['session'] },
    ]);
    expect(changedWords(rows, 'statements')).toEqual([
      { change: 'removed', removed: [expect.stringContaining('We thank the hosts.')], added: [] },
    ]);
  });
});
