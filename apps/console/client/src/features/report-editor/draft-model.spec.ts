import { describe, expect, it } from '@jest/globals';
import { ReportContent } from '../../../../../../libs/contracts/src/reports/report-content';
import { validateWithContract } from '../../forms/validate-with-contract';
import { type DraftModel, placeServerErrors, planSave, toCandidate, toModel } from './draft-model';

const model = (): DraftModel =>
  toModel({
    title: 'Outcome of the meeting',
    summary: 'The member states met.',
    sections: [{ kind: 'opening', title: 'Opening', text: 'The chair opened the meeting.' }],
    statements: [{ speaker: 'Daulet Argandykov', party: 'KAZ', quote: 'We are one region.' }],
    decisions: [],
    recommendations: [],
    followUps: [],
    annexes: [],
  });

const plan = async (m: DraftModel) => planSave(m, await validateWithContract(ReportContent, toCandidate(m)));

describe('planSave', () => {
  it('sends everything the contract accepts, blank optional fields left out', async () => {
    const m = model();
    const saved = await plan(m);
    expect(saved.withheld).toEqual({});
    expect(saved.body).toEqual({
      title: 'Outcome of the meeting',
      summary: 'The member states met.',
      sections: [{ kind: 'opening', title: 'Opening', text: 'The chair opened the meeting.' }],
      statements: [{ speaker: 'Daulet Argandykov', party: 'KAZ', quote: 'We are one region.' }],
      decisions: [],
      recommendations: [],
      followUps: [],
      annexes: [],
    });
  });

  it('keeps back an entry still being written, says what it lacks, and saves the rest', async () => {
    const m = model();
    m.statements.unshift({ key: 'new', speaker: 'Mohammad Rahimi', position: '', party: '', quote: '' });
    m.annexes.push({ key: 'annex', title: 'List of participants', url: 'https://exa' });
    m.summary = '';
    const saved = await plan(m);
    expect(saved.withheld.new).toEqual({ missing: ['quote'], invalid: {}, blank: false });
    expect(saved.withheld.annex).toMatchObject({
      missing: [],
      invalid: { url: [expect.stringMatching(/URL/)] },
    });
    expect(saved.body.statements).toEqual([
      { speaker: 'Daulet Argandykov', party: 'KAZ', quote: 'We are one region.' },
    ]);
    expect(saved.body.annexes).toEqual([]);
    // A summary emptied is removed, not sent as an empty string the contract refuses.
    expect(saved.body.summary).toBeNull();
    expect(saved.sent.statements).toEqual([m.statements[1]!.key]);
  });

  it('leaves out a title too short instead of stopping the save', async () => {
    const m = model();
    m.title = 'Ou';
    const saved = await plan(m);
    expect(saved.heldFields.title).toBeDefined();
    expect(saved.body).not.toHaveProperty('title');
    expect(saved.body.sections).toHaveLength(1);
  });
});

describe('placeServerErrors', () => {
  it("places the API's 400 at the entry it was about, however the API writes the path", () => {
    const sent = {
      sections: [],
      statements: ['k1', 'k2'],
      decisions: [],
      recommendations: [],
      followUps: [],
      annexes: ['a1'],
    };
    expect(
      placeServerErrors(
        [
          { field: 'statements[1].quote', messages: ['quote must be a string'] },
          { field: 'annexes.0.url', messages: ['url must be a URL address'] },
          { field: 'title', messages: ['title must be longer'] },
        ],
        sent,
      ),
    ).toEqual({
      'k2.quote': ['quote must be a string'],
      'a1.url': ['url must be a URL address'],
      title: ['title must be longer'],
    });
  });
});
