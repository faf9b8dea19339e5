import { useTranslation } from 'react-i18next';
import { signOut, type Person } from '../api/session';
import { applyLanguage, LANGUAGES, type LanguageCode } from '../i18n/i18n';
import { ActionButton } from '../ui/action-button';
import { Link } from '../ui/link';

export function Header({ person }: { person?: Person }) {
  const { t, i18n } = useTranslation();
  return (
    <header className="top-bar">
      <Link to="/" className="brand">
        Plenary
      </Link>
      {person ? (
        <nav aria-label={t('nav.label')}>
          <ul>
            {person.role === 'secretariat' ? (
              <li>
                <Link to="/meetings">{t('nav.meetings')}</Link>
              </li>
            ) : (
              <li>
                <Link to="/">{t('nav.myMeetings')}</Link>
              </li>
            )}
          </ul>
        </nav>
      ) : null}
      <div className="top-bar-end">
        <label className="language">
          <span className="visually-hidden">{t('nav.language')}</span>
          <select
            value={i18n.language}
            onChange={(e) => void applyLanguage(e.target.value as LanguageCode)}
            aria-label={t('nav.language')}
          >
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        {person ? (
          <>
            <span className="person">
              {person.name ?? person.email} · {t(`roles.${person.role}`)}
            </span>
            <ActionButton variant="secondary" onAction={signOut}>
              {t('nav.signOut')}
            </ActionButton>
          </>
        ) : null}
      </div>
    </header>
  );
}
