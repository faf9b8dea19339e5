import type { ReportVersionSummaryView, ReportVersionView } from '@libs/contracts/src/reports/report.view';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import type { ApiError } from '../../api/api-error';
import { useResource } from '../../api/use-resource';
import { formatDateTime } from '../../i18n/format';
import { DataTable } from '../../ui/data-table';
import { Choice, Notice } from '../../ui/fields';
import { ContentView } from './content-view';
import { DiffTable } from './diff-table';
import { refusalWords } from './refusal';

/**
 * Every version of the report: when, by whom, in what state, with its change note; any one
 * opened to read, and two compared side by side.
 */
export function VersionsPanel(props: {
  reportId: string;
  language: string;
  timeZone: string;
  revision: number;
}) {
  const { t, i18n } = useTranslation();
  const versions = useResource(
    (signal) => api.get<ReportVersionSummaryView[]>('reports', `/reports/${props.reportId}/versions`, signal),
    [props.reportId, props.revision],
  );
  const [opened, setOpened] = useState<ReportVersionView>();
  const [pair, setPair] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const [diff, setDiff] = useState<{ from: ReportVersionView; to: ReportVersionView }>();
  const [error, setError] = useState<string>();
  const list = versions.data ?? [];
  useEffect(() => {
    if (list.length >= 2 && !pair.from)
      setPair({ from: String(list[list.length - 2]!.number), to: String(list[list.length - 1]!.number) });
  }, [list.length]);

  const load = (n: number) =>
    api.get<ReportVersionView>('reports', `/reports/${props.reportId}/versions/${n}`);
  const open = async (n: number) => {
    setError(undefined);
    try {
      setOpened(await load(n));
    } catch (e) {
      setError(refusalWords(e as ApiError, t));
    }
  };
  const compare = async () => {
    setError(undefined);
    try {
      const [from, to] = await Promise.all([load(Number(pair.from)), load(Number(pair.to))]);
      setDiff({ from, to });
    } catch (e) {
      setError(refusalWords(e as ApiError, t));
    }
  };
  const when = (v: ReportVersionSummaryView) =>
    formatDateTime(v.publishedAt ?? v.createdAt, i18n.language, props.timeZone);
  const label = (n: number) => t('reportEditor.versionN', { n });
  const options = list.map((v) => ({ value: String(v.number), label: label(v.number) }));

  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{t('reportEditor.versions')}</h2>
      {versions.error ? <Notice tone="error">{refusalWords(versions.error, t)}</Notice> : null}
      <DataTable
        caption={t('reportEditor.versions')}
        captionHidden
        rows={list}
        rowKey={(v) => String(v.number)}
        columns={[
          { key: 'number', header: t('reportEditor.version'), rowHeader: true, cell: (v) => label(v.number) },
          {
            key: 'state',
            header: t('reportEditor.state'),
            cell: (v) => t(`reportEditor.versionStates.${v.state}`),
          },
          { key: 'when', header: t('reportEditor.when'), cell: when },
          {
            key: 'who',
            header: t('reportEditor.who'),
            cell: (v) => v.publishedBy ?? v.createdBy ?? '—',
          },
          {
            key: 'note',
            header: t('reportEditor.changeNoteColumn'),
            cell: (v) =>
              v.changeNote ? (
                <span lang={props.language} dir="auto">
                  {v.changeNote}
                </span>
              ) : (
                '—'
              ),
          },
          {
            key: 'open',
            header: <span className="visually-hidden">{t('common.actions')}</span>,
            cell: (v) => (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void open(v.number)}
                aria-label={t('reportEditor.openVersionN', { n: v.number })}
              >
                {t('reportEditor.openVersion')}
              </button>
            ),
          },
        ]}
      />
      {error ? <Notice tone="error">{error}</Notice> : null}
      {opened ? (
        <section className="version-read" aria-labelledby="version-read-title">
          <h3 id="version-read-title">
            {t('reportEditor.readingVersion', {
              n: opened.number,
              state: t(`reportEditor.versionStates.${opened.state}`),
            })}
          </h3>
          <ContentView content={opened.content} language={props.language} />
          <button type="button" className="button button-secondary" onClick={() => setOpened(undefined)}>
            {t('reportEditor.closeVersion')}
          </button>
        </section>
      ) : null}
      {list.length >= 2 ? (
        <form
          className="filters"
          aria-label={t('reportEditor.compare')}
          onSubmit={(e) => {
            e.preventDefault();
            void compare();
          }}
        >
          <Choice
            label={t('reportEditor.compareFrom')}
            name="diff-from"
            value={pair.from}
            options={options}
            onChange={(from) => setPair((p) => ({ ...p, from }))}
          />
          <Choice
            label={t('reportEditor.compareTo')}
            name="diff-to"
            value={pair.to}
            options={options}
            onChange={(to) => setPair((p) => ({ ...p, to }))}
          />
          <button type="submit" className="button button-primary">
            {t('reportEditor.showDiff')}
          </button>
        </form>
      ) : null}
      {diff ? (
        <section aria-labelledby="diff-title">
          <h3 id="diff-title">
            {t('reportEditor.diffTitle', { from: diff.from.number, to: diff.to.number })}
          </h3>
          {diff.to.changeNote ? (
            <p>
              {t('reportEditor.changeNote')}:{' '}
              <span lang={props.language} dir="auto">
                {diff.to.changeNote}
              </span>
            </p>
          ) : null}
          <DiffTable
            from={diff.from.content}
            to={diff.to.content}
            fromLabel={label(diff.from.number)}
            toLabel={label(diff.to.number)}
            language={props.language}
          />
        </section>
      ) : null}
    </section>
  );
}
