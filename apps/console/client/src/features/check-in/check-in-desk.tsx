import type { EventView } from '@libs/contracts/src/events/event.view';
import type { CheckInView } from '@libs/contracts/src/participants/badges.dto';
import type {
  ParticipantDetailsView,
  ParticipantPageView,
} from '@libs/contracts/src/participants/participant.view';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/api-client';
import type { ApiError } from '../../api/api-error';
import { useResource } from '../../api/use-resource';
import { formatTime, partyName } from '../../i18n/format';
import { ActionButton, SubmitButton, useSingleFlight } from '../../ui/action-button';
import { Field, Notice } from '../../ui/fields';
import { Link } from '../../ui/link';
import { useLiveSummary } from '../dashboard/use-live-summary';
import { plainWords } from '../delegation/refusals';
import { QrScanner } from './qr-scanner';

/** What a badge's QR code carries (or a scanner types): a signed code, not a name. */
const BADGE_CODE = /^PB1\./;

/**
 * The check-in desk: scan a badge (camera, or a handheld scanner that types the code and Enter),
 * or search by name; one action, and doing it twice changes nothing. A live count of who is here.
 */
export function CheckInDesk({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const event = useResource(
    (signal) => api.get<EventView>('events', `/events/${eventId}`, signal),
    [eventId],
  );
  const summary = useLiveSummary(eventId);
  const [input, setInput] = useState('');
  const [matches, setMatches] = useState<ParticipantDetailsView[] | undefined>();
  const [result, setResult] = useState<CheckInView | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [camera, setCamera] = useState(false);
  const [pending, run] = useSingleFlight();
  const timeZone = event.data?.timeZone;

  const checkInByCode = useCallback(
    (code: string) =>
      run(async () => {
        setMatches(undefined);
        try {
          setResult(
            await api.post<CheckInView>('participants', `/events/${eventId}/check-ins`, {
              code: code.trim(),
            }),
          );
          setError(undefined);
          setInput('');
        } catch (e) {
          setResult(undefined);
          setError(e as ApiError);
        }
      }),
    [eventId, run],
  );

  const checkInPerson = async (person: ParticipantDetailsView) => {
    try {
      const checkedIn = await api.post<ParticipantDetailsView>(
        'participants',
        `/participants/${person.id}/check-in`,
        {},
      );
      setResult({ ...checkedIn, alreadyCheckedIn: !!person.checkedInAt });
      setError(undefined);
      setMatches(undefined);
      setInput('');
    } catch (e) {
      setError(e as ApiError);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (BADGE_CODE.test(input.trim())) return void checkInByCode(input);
    void run(async () => {
      setResult(undefined);
      const page = await api.get<ParticipantPageView>(
        'participants',
        `/events/${eventId}/participants${query({ q: input.trim(), state: 'accredited', limit: 10 })}`,
      );
      setMatches(page.items as ParticipantDetailsView[]);
    });
  };

  const accredited = summary.data?.byState.accredited ?? 0;
  const present = summary.data?.checkedIn ?? 0;
  return (
    <>
      <p className="eyebrow">
        <Link to={`/meetings/${eventId}`}>{event.data?.title ?? ''}</Link>
      </p>
      <h1>{t('checkIn.title')}</h1>
      <p className="present-count" aria-live="polite" data-testid="present-count">
        {t('checkIn.present', { present, accredited })}
      </p>
      <form onSubmit={submit} className="check-in-form" noValidate>
        <Field
          label={t('checkIn.codeOrName')}
          name="code"
          value={input}
          onChange={setInput}
          description={t('checkIn.codeOrNameHint')}
        />
        <div className="actions">
          <SubmitButton pending={pending}>{t('checkIn.action')}</SubmitButton>
          <button type="button" className="button button-secondary" onClick={() => setCamera((c) => !c)}>
            {t('checkIn.scan')}
          </button>
        </div>
      </form>
      {camera ? (
        <QrScanner onCode={(code) => void checkInByCode(code)} onClose={() => setCamera(false)} />
      ) : null}
      {error ? <Notice tone="error">{plainWords(error, t)}</Notice> : null}
      {result ? (
        <Notice tone={result.alreadyCheckedIn ? 'info' : 'success'}>
          <strong dir="auto">
            {result.name.given} {result.name.family}
          </strong>{' '}
          ({partyName(result.party.code, result.party.name, i18n.language)}) —{' '}
          {result.alreadyCheckedIn
            ? t('checkIn.already', {
                time: formatTime(result.checkedInAt, i18n.language, timeZone),
              })
            : t('checkIn.done')}
        </Notice>
      ) : null}
      {matches ? (
        matches.length === 0 ? (
          <p>{t('checkIn.noMatch')}</p>
        ) : (
          <ul className="matches">
            {matches.map((m) => (
              <li key={m.id}>
                <span dir="auto">
                  {m.name.given} {m.name.family}
                </span>{' '}
                <span dir="ltr">
                  ({m.name.givenLatin} {m.name.familyLatin})
                </span>{' '}
                · {partyName(m.party.code, m.party.name, i18n.language)} · {m.badgeNumber ?? '—'}{' '}
                <ActionButton
                  onAction={() => checkInPerson(m)}
                  aria-label={t('checkIn.actionNamed', {
                    name: `${m.name.givenLatin} ${m.name.familyLatin}`,
                  })}
                >
                  {t('checkIn.action')}
                </ActionButton>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </>
  );
}
