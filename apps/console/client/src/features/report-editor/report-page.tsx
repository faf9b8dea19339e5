import type { EventView } from '@libs/contracts/src/events/event.view';
import type { AttendanceView } from '@libs/contracts/src/reports/attendance.view';
import type { ReportDetailsView } from '@libs/contracts/src/reports/report.view';
import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { useResource } from '../../api/use-resource';
import { formatDateTime } from '../../i18n/format';
import { Notice } from '../../ui/fields';
import { Link } from '../../ui/link';
import { ContentView } from './content-view';
import { LifecycleActions } from './lifecycle-actions';
import { PreviewPanel } from './preview-panel';
import { refusalWords } from './refusal';
import { ReportEditor } from './report-editor';
import { languageName } from './report-language';
import { useAutosave } from './use-autosave';
import { VersionsPanel } from './versions-panel';

/** One report of a meeting, in one language: write it, take it through its steps, its versions, its preview. */
export function ReportPage({ eventId, reportId }: { eventId: string; reportId: string }) {
  const { t } = useTranslation();
  const data = useResource(
    async (signal) => {
      const [event, report, attendance] = await Promise.all([
        api.get<EventView>('events', `/events/${eventId}`, signal),
        api.getWithEtag<ReportDetailsView>('reports', `/reports/${reportId}`),
        api.get<AttendanceView>('reports', `/events/${eventId}/attendance`, signal).catch(() => undefined),
      ]);
      return { event, report: report.body, etag: report.etag ?? `"${report.body.version}"`, attendance };
    },
    [eventId, reportId],
  );
  if (data.error) return <Notice tone="error">{refusalWords(data.error, t)}</Notice>;
  if (!data.data) return <p aria-busy="true">{t('common.loading')}</p>;
  return <LoadedReport key={reportId} {...data.data} />;
}

function LoadedReport(props: {
  event: EventView;
  report: ReportDetailsView;
  etag: string;
  attendance: AttendanceView | undefined;
}) {
  const { t, i18n } = useTranslation();
  const autosave = useAutosave(props.report, props.etag);
  const report = autosave.report;
  // The meeting moves on meanwhile (it starts, it concludes): read again before each step.
  const [event, setEvent] = useState(props.event);
  const refreshEvent = () =>
    void api.get<EventView>('events', `/events/${event.id}`).then(setEvent, () => undefined);
  const language = report.language;
  const working = report.workingVersion;
  const previewNumber = working?.number ?? report.published?.number;
  return (
    <>
      <p className="eyebrow">
        <Link to="/meetings">{t('meetings.title')}</Link> ›{' '}
        <Link to={`/meetings/${event.id}`}>{event.title}</Link>
      </p>
      <h1>{t('reportEditor.pageTitle', { language: languageName(language, i18n.language) })}</h1>
      <dl className="facts report-facts">
        <div className="facts-row">
          <dt>{t('reportEditor.state')}</dt>
          <dd data-testid="report-state">{t(`reportEditor.states.${report.state}`)}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('reportEditor.role')}</dt>
          <dd>{report.original ? t('reportEditor.original') : t('reportEditor.translation')}</dd>
        </div>
        {working ? (
          <div className="facts-row">
            <dt>{t('reportEditor.working')}</dt>
            <dd>
              {t('reportEditor.versionInState', {
                n: working.number,
                state: t(`reportEditor.versionStates.${working.state}`),
              })}
            </dd>
          </div>
        ) : null}
        {report.published ? (
          <div className="facts-row">
            <dt>{t('reportEditor.inForce')}</dt>
            <dd>
              {t('reportEditor.publishedVersion', {
                n: report.published.number,
                when: formatDateTime(report.published.publishedAt, i18n.language, event.timeZone),
              })}
            </dd>
          </div>
        ) : null}
        <div className="facts-row">
          <dt>{t('reportEditor.meetingState')}</dt>
          <dd>{t(`eventStates.${event.state}`, { defaultValue: event.state })}</dd>
        </div>
      </dl>
      {report.withdrawal ? (
        <Notice tone="info">{t('reportEditor.withdrawnNotice', { reason: report.withdrawal.reason })}</Notice>
      ) : null}
      <LifecycleActions autosave={autosave} meetingState={event.state} onOpen={refreshEvent} />
      <Tabs>
        <TabList aria-label={t('reportEditor.views')}>
          <Tab id="write">{working ? t('reportEditor.write') : t('reportEditor.read')}</Tab>
          <Tab id="versions">{t('reportEditor.versions')}</Tab>
          <Tab id="preview">{t('reportEditor.preview')}</Tab>
        </TabList>
        <TabPanel id="write" className="tab-panel">
          {working ? (
            <ReportEditor
              autosave={autosave}
              event={event}
              attendance={props.attendance}
              language={language}
            />
          ) : report.published ? (
            <>
              <p className="muted">{t('reportEditor.publishedReadOnly')}</p>
              <ContentView content={report.published.content} language={language} />
            </>
          ) : null}
        </TabPanel>
        <TabPanel id="versions" className="tab-panel">
          <VersionsPanel
            reportId={report.id}
            language={language}
            timeZone={event.timeZone}
            revision={report.version}
          />
        </TabPanel>
        <TabPanel id="preview" className="tab-panel">
          {previewNumber ? (
            <PreviewPanel
              reportId={report.id}
              number={previewNumber}
              language={language}
              revision={report.version}
            />
          ) : null}
        </TabPanel>
      </Tabs>
    </>
  );
}
