import { ReportContent } from '@libs/contracts/src/reports/report-content';
import type { ReportDetailsView } from '@libs/contracts/src/reports/report.view';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import { validateWithContract } from '../../forms/validate-with-contract';
import {
  type DraftModel,
  placeServerErrors,
  planSave,
  toCandidate,
  toModel,
  type SavePlan,
} from './draft-model';

/** How long the editor waits after the last keystroke before it saves. */
export const AUTOSAVE_DELAY_MS = 1200;

export type SaveStatus =
  | { kind: 'unchanged' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'conflict'; theirs: ReportDetailsView };

export interface Autosave {
  model: DraftModel;
  change(update: (model: DraftModel) => DraftModel): void;
  status: SaveStatus;
  /** entries and fields this save left out, and the API's 400 placed at its fields */
  plan?: SavePlan;
  serverErrors: Record<string, string[]>;
  /** the report as the last answer gave it */
  report: ReportDetailsView;
  /** the ETag the next change will send */
  etag: string;
  /** saves now (before a step such as submit): whether it was stored, and how many entries were left out */
  flush(): Promise<{ saved: boolean; held: number }>;
  /** after a 412: write mine over theirs, or take theirs */
  keepMine(): Promise<void>;
  takeTheirs(): void;
  /** a step (submit, publish…) changed the report: the editor follows it */
  adopt(report: ReportDetailsView, etag: string): void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A draft that saves itself: each change waits AUTOSAVE_DELAY_MS for the next, then PATCHes the
 * draft with the ETag last read. Nothing typed is lost: the editor's model stays the truth while
 * a save is refused; a 412 (someone changed it meanwhile) keeps both versions until the person
 * chooses; a 400 is placed at its field.
 */
export function useAutosave(initial: ReportDetailsView, initialEtag: string): Autosave {
  const [model, setModel] = useState<DraftModel>(() =>
    toModel(initial.workingVersion?.content ?? (initial.published?.content as ReportContent)),
  );
  const [status, setStatus] = useState<SaveStatus>({ kind: 'unchanged' });
  const [plan, setPlan] = useState<SavePlan>();
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [report, setReport] = useState(initial);
  const state = useRef({
    model,
    etag: initialEtag,
    /** the body last stored, so an unchanged model is not sent again */
    lastSent: undefined as unknown,
    saving: undefined as Promise<boolean> | undefined,
    again: false,
    conflict: false,
    dirty: false,
    plan: undefined as SavePlan | undefined,
  });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const save = useCallback(async (): Promise<boolean> => {
    const s = state.current;
    if (s.conflict) return false;
    if (s.saving) {
      s.again = true;
      return s.saving;
    }
    const run = async (): Promise<boolean> => {
      const current = s.model;
      // The whole content, not UpdateDraftDto: a mapped type (PartialType) is an empty class in a
      // browser (the OpenAPI shim), so it would check nothing.
      const errors = await validateWithContract(ReportContent, toCandidate(current));
      const next = planSave(current, errors);
      s.plan = next;
      setPlan(next);
      if (s.lastSent !== undefined && same(next.body, s.lastSent)) {
        s.dirty = false;
        setStatus((st) =>
          st.kind === 'saving' || st.kind === 'pending' ? { kind: 'saved', at: new Date() } : st,
        );
        return true;
      }
      setStatus({ kind: 'saving' });
      try {
        const answer = await call<ReportDetailsView>('PATCH', 'reports', `/reports/${initial.id}/draft`, {
          body: next.body,
          ifMatch: s.etag,
        });
        s.etag = answer.etag ?? s.etag;
        s.lastSent = next.body;
        setReport(answer.body);
        setServerErrors({});
        if (s.model === current) s.dirty = false;
        setStatus({ kind: 'saved', at: new Date() });
        return true;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (error.status === 412) {
          s.conflict = true;
          const theirs = await call<ReportDetailsView>('GET', 'reports', `/reports/${initial.id}`);
          s.etag = theirs.etag ?? s.etag;
          setStatus({ kind: 'conflict', theirs: theirs.body });
          return false;
        }
        if (error.status === 400) setServerErrors(placeServerErrors(error.errors, next.sent));
        setStatus({ kind: 'failed', error });
        return false;
      }
    };
    s.saving = run().finally(() => {
      s.saving = undefined;
    });
    const saved = await s.saving;
    if (s.again) {
      s.again = false;
      return save();
    }
    return saved;
  }, [initial.id]);

  const change = useCallback(
    (update: (model: DraftModel) => DraftModel) => {
      const s = state.current;
      s.model = update(s.model);
      s.dirty = true;
      setModel(s.model);
      if (!s.conflict) setStatus((st) => (st.kind === 'saving' ? st : { kind: 'pending' }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    [save],
  );

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const s = state.current;
    if (s.saving) await s.saving;
    const saved = s.dirty || !s.plan ? await save() : true;
    const held = s.plan ? Object.keys(s.plan.withheld).length + Object.keys(s.plan.heldFields).length : 0;
    return { saved, held };
  }, [save]);

  // Leaving with a change not stored yet: the browser asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (state.current.dirty || state.current.conflict) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      clearTimeout(timer.current);
    };
  }, []);

  const keepMine = useCallback(async () => {
    state.current.conflict = false;
    state.current.lastSent = undefined;
    state.current.dirty = true;
    await save();
  }, [save]);

  const takeTheirs = useCallback(() => {
    const s = state.current;
    if (status.kind !== 'conflict') return;
    const theirs = status.theirs;
    s.conflict = false;
    s.dirty = false;
    s.lastSent = undefined;
    if (theirs.workingVersion) {
      s.model = toModel(theirs.workingVersion.content);
      setModel(s.model);
    }
    setReport(theirs);
    setServerErrors({});
    setStatus({ kind: 'unchanged' });
  }, [status]);

  const adopt = useCallback(
    (next: ReportDetailsView, etag: string) => {
      const s = state.current;
      s.etag = etag;
      s.lastSent = undefined;
      s.dirty = false;
      // An amendment starts a new draft from the published text: the editor shows it.
      if (next.workingVersion && next.workingVersion.number !== report.workingVersion?.number) {
        s.model = toModel(next.workingVersion.content);
        setModel(s.model);
      }
      setReport(next);
    },
    [report.workingVersion?.number],
  );

  return {
    model,
    change,
    status,
    ...(plan ? { plan } : {}),
    serverErrors,
    report,
    etag: state.current.etag,
    flush,
    keepMine,
    takeTheirs,
    adopt,
  };
}
