import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { whenSignedOut } from '../api/api-client';
import { loadSession, type Person, type SessionState } from '../api/session';
import { MeetingDesk } from '../features/desk/meeting-desk';
import { MeetingsList } from '../features/meetings/meetings-list';
import { MyMeetings } from '../features/my-meetings/my-meetings';
import { SignInPage } from '../features/sign-in/sign-in-page';
import { Header } from './header';
import { lazyComponent } from './lazy-component';
import { match, usePath } from './router';

// Loaded when opened: Chart.js and the charts stay out of the console's first bundle.
const AttendanceDashboard = lazy(() => import('../features/dashboard/attendance-dashboard'));
// The first bundle holds the pages people open the console on (their meetings, a meeting's
// desk, signing in); the rest, with the editors and libraries only they use, comes when opened.
const BulkImportPage = lazyComponent(() =>
  import('../features/bulk-import/bulk-import-page').then((m) => m.BulkImportPage),
);
const CheckInDesk = lazyComponent(() =>
  import('../features/check-in/check-in-desk').then((m) => m.CheckInDesk),
);
const DelegationPage = lazyComponent(() =>
  import('../features/delegation/delegation-page').then((m) => m.DelegationPage),
);
const NewMeetingPage = lazyComponent(() =>
  import('../features/meeting-editor/new-meeting-page').then((m) => m.NewMeetingPage),
);
const ReportPage = lazyComponent(() =>
  import('../features/report-editor/report-page').then((m) => m.ReportPage),
);
const PublicMeetingPage = lazyComponent(() =>
  import('../features/public-meeting/public-meeting-page').then((m) => m.PublicMeetingPage),
);

export function App() {
  const [session, setSession] = useState<SessionState | undefined>();
  const { t } = useTranslation();
  const path = usePath();
  useEffect(() => {
    void loadSession().then(setSession);
    whenSignedOut(() => setSession({ signedIn: false }));
  }, []);
  if (!session) {
    return (
      <main id="main" className="page" aria-busy="true">
        <p>{t('common.loading')}</p>
      </main>
    );
  }
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <Header person={session.signedIn ? session.person : undefined} />
      <main id="main" className="page" tabIndex={-1}>
        <Suspense fallback={<p aria-busy="true">{t('common.loading')}</p>}>
          {publicPage(path) ?? (session.signedIn ? <Page person={session.person} /> : <SignInPage />)}
        </Suspense>
      </main>
    </>
  );
}

/** Pages anyone may open, signed in or not. */
function publicPage(path: string) {
  const params = match('/public/meetings/:eventId', path);
  return params ? <PublicMeetingPage eventId={params.eventId} /> : undefined;
}

function Page({ person }: { person: Person }) {
  const path = usePath();
  const { t } = useTranslation();
  let params: Record<string, string> | undefined;
  if (match('/meetings/new', path)) return <NewMeetingPage />;
  if ((params = match('/meetings/:eventId/check-in', path))) return <CheckInDesk eventId={params.eventId} />;
  if ((params = match('/meetings/:eventId/reports/:reportId', path)))
    return <ReportPage eventId={params.eventId} reportId={params.reportId} />;
  if ((params = match('/meetings/:eventId/dashboard', path)))
    return <AttendanceDashboard eventId={params.eventId} />;
  if ((params = match('/meetings/:eventId', path))) return <MeetingDesk eventId={params.eventId} />;
  if (match('/meetings', path)) return <MeetingsList />;
  if ((params = match('/delegations/:eventId/:party/import', path)))
    return <BulkImportPage eventId={params.eventId} party={params.party} />;
  if ((params = match('/delegations/:eventId/:party', path))) {
    return <DelegationPage eventId={params.eventId} party={params.party} person={person} />;
  }
  if (match('/', path))
    return person.role === 'secretariat' ? <MeetingsList /> : <MyMeetings person={person} />;
  return (
    <>
      <h1>{t('common.notFoundTitle')}</h1>
      <p>{t('common.notFound')}</p>
    </>
  );
}
