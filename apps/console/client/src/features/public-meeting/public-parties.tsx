import type { EventView } from '@libs/contracts/src/events/event.view';
import type { AttendanceView } from '@libs/contracts/src/reports/attendance.view';
import { useTranslation } from 'react-i18next';
import { partyName } from '../../i18n/format';
import { DataTable } from '../../ui/data-table';
import { standings } from '../history/change-words';

/** The invited parties with their standing at this meeting. */
export function PublicParties({ event }: { event: EventView }) {
  const { t, i18n } = useTranslation();
  const parties = [...event.parties].sort((a, b) =>
    partyName(a.code, a.name, i18n.language).localeCompare(
      partyName(b.code, b.name, i18n.language),
      i18n.language,
    ),
  );
  return (
    <DataTable
      caption={t('publicPage.parties')}
      captionHidden
      rows={parties}
      rowKey={(p) => p.code}
      empty={t('publicPage.noParties')}
      columns={[
        {
          key: 'party',
          header: t('publicPage.party'),
          rowHeader: true,
          cell: (p) => partyName(p.code, p.name, i18n.language),
        },
        {
          key: 'standing',
          header: t('publicPage.standing'),
          cell: (p) => standings(p, t, i18n.language),
        },
      ]}
    />
  );
}

/**
 * Who takes part, as the dossier publishes it: each delegation's party, its head (name and
 * position, which the meeting publishes) and how many are registered. Nothing else of a person.
 */
export function PublicDelegations({ attendance }: { attendance: AttendanceView }) {
  const { t, i18n } = useTranslation();
  const personName = (n: { given: string; family: string; givenLatin?: string; familyLatin?: string }) => {
    const original = `${n.given} ${n.family}`;
    const latin = n.givenLatin || n.familyLatin ? `${n.givenLatin ?? ''} ${n.familyLatin ?? ''}`.trim() : '';
    return latin && latin !== original ? `${original} (${latin})` : original;
  };
  return (
    <>
      <p>
        {t('publicPage.totals', {
          delegations: attendance.totals.delegations,
          participants: attendance.totals.participants,
        })}
      </p>
      <DataTable
        caption={t('publicPage.delegations')}
        captionHidden
        rows={attendance.delegations}
        rowKey={(d) => d.delegationId}
        empty={t('publicPage.noDelegations')}
        columns={[
          {
            key: 'party',
            header: t('publicPage.party'),
            rowHeader: true,
            cell: (d) => partyName(d.party.code, d.party.name, i18n.language),
          },
          {
            key: 'head',
            header: t('publicPage.head'),
            cell: (d) => (d.head ? <span dir="auto">{personName(d.head.name)}</span> : '—'),
          },
          { key: 'position', header: t('publicPage.position'), cell: (d) => d.head?.position ?? '—' },
          {
            key: 'people',
            header: t('publicPage.people'),
            numeric: true,
            cell: (d) => d.people.participants.toLocaleString(i18n.language),
          },
        ]}
      />
    </>
  );
}
