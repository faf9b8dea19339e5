import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's address to share, shown in full (to copy by hand too) with a button that copies it. */
export function CopyLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <div className="copy-link">
      <label htmlFor="public-link">{t('publicPage.shareLink')}</label>
      <div className="copy-link-row">
        <input id="public-link" readOnly value={url} dir="ltr" onFocus={(e) => e.target.select()} />
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {t('publicPage.copyLink')}
        </button>
      </div>
      <p role="status" className="hint">
        {state === 'copied' ? t('publicPage.copied') : state === 'failed' ? t('publicPage.copyFailed') : ''}
      </p>
    </div>
  );
}
