import type { ParticipantSummaryView } from '@libs/contracts/src/participants/participant.view';
import { attending, count, genderRows, representedParties } from './attendance-figures';
import type { DashboardContext } from './dashboard-context';

/** The few numbers a person looks for first, each named. */
export function HeadlineFigures({
  summary,
  invited,
  context: { t, formats },
}: {
  summary: ParticipantSummaryView;
  invited: number;
  context: DashboardContext;
}) {
  const [all, heads] = genderRows(summary);
  const accredited = count(summary.byState, 'accredited');
  const figures: Array<[string, string, string, string?]> = [
    [
      'parties',
      t('dashboard.figures.parties'),
      t('dashboard.figures.ofInvited', {
        represented: formats.number(representedParties(summary).length),
        invited: formats.number(invited),
      }),
    ],
    [
      'attending',
      t('dashboard.figures.attending'),
      formats.number(attending(summary)),
      t('dashboard.figures.attendingHint'),
    ],
    ['accredited', t('participantStates.accredited'), formats.number(accredited)],
    [
      'present',
      t('dashboard.figures.present'),
      t('dashboard.figures.ofAccredited', {
        present: formats.number(summary.checkedIn),
        accredited: formats.number(accredited),
      }),
    ],
    ['women', t('dashboard.figures.women'), formats.percent(all!.women)],
    ['womenHeads', t('dashboard.figures.womenHeads'), formats.percent(heads!.women)],
  ];
  return (
    <section aria-labelledby="dashboard-figures-title">
      <h2 id="dashboard-figures-title" className="visually-hidden">
        {t('dashboard.figures.title')}
      </h2>
      <dl className="dashboard-figures">
        {figures.map(([key, label, value, hint]) => (
          <div key={key} className="dashboard-figure" data-testid={`figure-${key}`}>
            <dt>{label}</dt>
            <dd>
              <span className="dashboard-figure-value">{value}</span>
              {hint ? <span className="hint"> {hint}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
