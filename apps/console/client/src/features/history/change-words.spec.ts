import { describe, expect, it } from '@jest/globals';
import type { TFunction } from 'i18next';
import { changesInWords } from './change-words';

/** A stand-in for i18next that shows the key and its values, so the test reads what is asked for. */
const t = ((key: string, values: Record<string, unknown> = {}) => {
  const shown = Object.entries(values).filter(([k]) => k !== 'defaultValue');
  return shown.length ? `${key}(${shown.map(([k, v]) => `${k}=${String(v)}`).join(',')})` : key;
}) as unknown as TFunction;
const c = { t, language: 'en', timeZone: 'Asia/Almaty' };
const item = (id: string, title: string) => ({ id, title, presenters: [], documents: [] });

describe('changesInWords', () => {
  it('reads a plain field as old → new, in reading order, and dates in the meeting’s zone', () => {
    const words = changesInWords(
      [
        { field: 'startsAt', before: '2027-11-21T04:00:00.000Z', after: '2027-11-22T04:00:00.000Z' },
        { field: 'title', before: 'Old', after: 'New' },
        { field: 'description', after: 'Added text' },
      ],
      c,
    );
    expect(words.map((w) => w.field)).toEqual(['title', 'description', 'startsAt']);
    expect(words[0]).toMatchObject({ label: 'history.fields.title', before: 'Old', after: 'New' });
    expect(words[1]!.before).toBeUndefined();
    expect(words[2]!.before).toMatch(/Nov 21, 2027, 09:00 (AM )?GMT\+5/);
  });

  it('says which parties were added, removed or changed standing', () => {
    const [words] = changesInWords(
      [
        {
          field: 'parties',
          before: [
            { code: 'KAZ', kind: 'state', name: 'Kazakhstan', standings: ['member'] },
            { code: 'AFG', kind: 'state', name: 'Afghanistan', standings: ['member'] },
          ],
          after: [
            { code: 'KAZ', kind: 'state', name: 'Kazakhstan', standings: ['member', 'chair'] },
            {
              code: 'IOM',
              kind: 'organization',
              name: 'International Organization for Migration',
              standings: ['observer'],
            },
          ],
        },
      ],
      c,
    );
    expect(words!.details).toEqual([
      'history.changedFromTo(what=Kazakhstan,from=history.standings.member,to=history.standings.member and history.standings.chair)',
      'history.added(what=International Organization for Migration (history.standings.observer))',
      'history.removed(what=Afghanistan)',
    ]);
  });

  it('says which agenda items were added, removed, renamed, and that the order changed', () => {
    const [words] = changesInWords(
      [
        {
          field: 'agenda',
          before: [item('a', 'Opening'), item('b', 'Review'), item('c', 'Closing')],
          after: [item('b', 'Review of the plan'), item('a', 'Opening'), item('d', 'Any other business')],
        },
      ],
      c,
    );
    expect(words!.details).toEqual([
      'history.changedFromTo(what=history.item,from=Review,to=Review of the plan)',
      'history.added(what=Any other business)',
      'history.removed(what=Closing)',
      'history.reordered',
    ]);
  });
});
