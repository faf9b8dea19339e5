import type { EventView } from '@libs/contracts/src/events/event.view';
import { ReportContent } from '@libs/contracts/src/reports/report-content';
import { CreateReportDto } from '@libs/contracts/src/reports/report.dto';
import type { ReportDetailsView } from '@libs/contracts/src/reports/report.view';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../app/router';
import { validateWithContract } from '../../forms/validate-with-contract';
import { formatDateTime } from '../../i18n/format';
import { LANGUAGES } from '../../i18n/i18n';
import { SubmitButton, useSingleFlight } from '../../ui/action-button';
import { DataTable } from '../../ui/data-table';
import { Choice, Field, Notice } from '../../ui/fields';
import { Link } from '../../ui/link';
import { refusalWords } from './refusal';
import { languageName, writingDirection } from './report-language';

const EMPTY_LISTS = {
  sections: [],
  statements: [],
  decisions: [],
  recommendations: [],
  followUps: [],
  annexes: [],
};

export const reportPath = (eventId: string, reportId: string) => `/meetings/${eventId}/reports/${reportId}`;

/**
 * The desk's "Outcome" tab: the meeting's reports, one per language (the original and its
 * translations), each with its state and versions; and a report started in another language.
 */
export function OutcomePanel({ event }: { event: EventView }) {
  const { t, i18n } = useTranslation();
  const reports = useResource(
    (signal) => api.get<ReportDetailsView[]>('reports', `/events/${event.id}/reports`, signal),
    [event.id],
  );
  const list = reports.data ?? [];
  const used = new Set(list.map((r) => r.language));
  const candidates = [...new Set([...event.languages, ...LANGUAGES.map((l) => l.code)])].filter(
    (l) => !used.has(l),
  );
  const original = list.find((r) => r.original);

  return (
    <section aria-labelledby="outcome-title">
      <h2 id="outcome-title">{t('reportEditor.outcome')}</h2>
      {reports.error ? <Notice tone="error">{refusalWords(reports.error, t)}</Notice> : null}
      {reports.data ? (
        <DataTable
          caption={t('reportEditor.reportsCaption')}
          captionHidden
          rows={list}
          rowKey={(r) => r.id}
          empty={t('reportEditor.noReports')}
          columns={[
            {
              key: 'language',
              header: t('reportEditor.language'),
              rowHeader: true,
              cell: (r) => (
                <Link to={reportPath(event.id, r.id)}>{languageName(r.language, i18n.language)}</Link>
              ),
            },
            {
              key: 'role',
              header: t('reportEditor.role'),
              cell: (r) => (r.original ? t('reportEditor.original') : t('reportEditor.translation')),
            },
            {
              key: 'state',
              header: t('reportEditor.state'),
              cell: (r) => (
                <span className={`state state-report-${r.state}`}>{t(`reportEditor.states.${r.state}`)}</span>
              ),
            },
            {
              key: 'working',
              header: t('reportEditor.working'),
              cell: (r) =>
                r.working
                  ? t('reportEditor.versionInState', {
                      n: r.working.number,
                      state: t(`reportEditor.versionStates.${r.working.state}`),
                    })
                  : '—',
            },
            {
              key: 'published',
              header: t('reportEditor.inForce'),
              cell: (r) =>
                r.published
                  ? t('reportEditor.publishedVersion', {
                      n: r.published.number,
                      when: formatDateTime(r.published.publishedAt, i18n.language, event.timeZone),
                    })
                  : '—',
            },
          ]}
        />
      ) : (
        <p aria-busy="true">{t('common.loading')}</p>
      )}
      {reports.data ? <StartReportForm event={event} languages={candidates} original={original} /> : null}
    </section>
  );
}

function StartReportForm(props: {
  event: EventView;
  languages: string[];
  original: ReportDetailsView | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState(props.languages[0] ?? '');
  const [title, setTitle] = useState('');
  const [fromOriginal, setFromOriginal] = useState(true);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [refusal, setRefusal] = useState<string>();
  const [pending, run] = useSingleFlight();
  const originalContent = props.original?.workingVersion?.content ?? props.original?.published?.content;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setRefusal(undefined);
      const content =
        props.original && fromOriginal && originalContent ? { ...originalContent, title } : { title };
      const body = { language, content };
      // The content with its own class: CreateReportDto's is a mapped type, empty in a browser.
      const invalid = [
        ...(await validateWithContract(CreateReportDto, body)),
        ...(await validateWithContract(ReportContent, { ...EMPTY_LISTS, ...content })).map((x) => ({
          ...x,
          field: `content.${x.field}`,
        })),
      ];
      const byField: Record<string, string[]> = {};
      for (const x of invalid) (byField[x.field] ??= []).push(...x.messages);
      setErrors(byField);
      // Whatever is not about the two fields shown is said beside the button, never dropped.
      const elsewhere = invalid.filter((x) => x.field !== 'language' && x.field !== 'content.title');
      if (elsewhere.length) setRefusal(elsewhere.flatMap((x) => x.messages).join(' '));
      if (invalid.length) return;
      try {
        const created = await api.post<ReportDetailsView>(
          'reports',
          `/events/${props.event.id}/reports`,
          body,
          {
            idempotencyKey: crypto.randomUUID(),
          },
        );
        navigate(reportPath(props.event.id, created.id));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const placed: Record<string, string[]> = {};
        for (const x of error.errors) (placed[x.field] ??= []).push(...x.messages);
        setErrors(placed);
        const shown = (field: string) => field === 'language' || field === 'content.title';
        if (!error.errors.length || error.errors.some((x) => !shown(x.field)))
          setRefusal(refusalWords(error, t));
      }
    });
  };
  if (props.languages.length === 0) return null;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="start-report-title">
      <h3 id="start-report-title">
        {props.original ? t('reportEditor.startTranslation') : t('reportEditor.startReport')}
      </h3>
      <p className="muted">
        {props.original
          ? t('reportEditor.translationLead', {
              language: languageName(props.original.language, i18n.language),
            })
          : t('reportEditor.originalLead')}
      </p>
      <div className="grid-2">
        <Choice
          label={t('reportEditor.language')}
          name="report-language"
          value={language}
          options={props.languages.map((l) => ({
            value: l,
            label: `${languageName(l, i18n.language)}${props.event.languages.includes(l) ? ` · ${t('reportEditor.workingLanguage')}` : ''}`,
          }))}
          onChange={setLanguage}
          errors={errors.language}
        />
        <Field
          label={t('reportEditor.title')}
          name="report-title"
          value={title}
          onChange={setTitle}
          errors={errors['content.title']}
          description={t('reportEditor.titleHint')}
          dir={writingDirection(language)}
          isRequired
        />
      </div>
      {props.original && originalContent ? (
        <label className="check">
          <input type="checkbox" checked={fromOriginal} onChange={(e) => setFromOriginal(e.target.checked)} />
          {t('reportEditor.startFromOriginal')}
        </label>
      ) : null}
      {refusal ? <Notice tone="error">{refusal}</Notice> : null}
      <div className="actions">
        <SubmitButton pending={pending}>{t('reportEditor.start')}</SubmitButton>
      </div>
    </form>
  );
}
