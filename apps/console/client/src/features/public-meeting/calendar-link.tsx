import { useTranslation } from 'react-i18next';
import { publicUrl } from './public-api';

/**
 * "Add to calendar": the meeting's .ics file (RFC 5545, in the venue's time zone). Signed in, it
 * goes through the signed-in proxy (so the secretariat gets drafts too); on a public page,
 * through the public path.
 */
export function CalendarLink({ eventId, signedIn }: { eventId: string; signedIn: boolean }) {
  const { t } = useTranslation();
  const href = signedIn ? `/api/events/events/${eventId}.ics` : publicUrl('events', `/events/${eventId}.ics`);
  return (
    <a className="button button-secondary calendar-link" href={href} download={`meeting-${eventId}.ics`}>
      {t('publicPage.addToCalendar')}
    </a>
  );
}
