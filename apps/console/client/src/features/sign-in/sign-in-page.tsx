import { useTranslation } from 'react-i18next';
import { signInUrl } from '../../api/session';
import { Notice } from '../../ui/fields';

/** What a signed-out person sees: what the console is for, and the way in. */
export function SignInPage() {
  const { t, i18n } = useTranslation();
  const problem = new URLSearchParams(window.location.search).get('signIn');
  const returnTo = window.location.pathname === '/' ? '/' : window.location.pathname + window.location.search;
  return (
    <section className="sign-in">
      <h1>{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.lead')}</p>
      {problem === 'failed' ? <Notice tone="error">{t('signIn.failed')}</Notice> : null}
      {problem === 'expired' ? <Notice tone="error">{t('signIn.expired')}</Notice> : null}
      <a className="button button-primary" href={signInUrl(i18n.language, returnTo)}>
        {t('signIn.action')}
      </a>
      <p className="hint">{t('signIn.hint')}</p>
    </section>
  );
}
