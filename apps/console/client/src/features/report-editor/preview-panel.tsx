import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { Notice } from '../../ui/fields';
import { refusalWords } from './refusal';
import { writingDirection } from './report-language';

/** The console's address of a version's preview (the reports API through the console's server). */
export const previewUrl = (reportId: string, number: number, format: 'html' | 'md' | 'pdf') =>
  `/api/reports/reports/${reportId}/versions/${number}/preview.${format}`;

async function text(url: string): Promise<string> {
  const response = await fetch(url, { credentials: 'same-origin', headers: { 'x-plenary-console': '1' } });
  const body = await response.text();
  if (!response.ok) {
    let parsed: { code?: string; message?: string } = {};
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      // not JSON: the status says it
    }
    throw new ApiError(response.status, parsed.code ?? 'ERROR', parsed.message ?? response.statusText);
  }
  return body;
}

/**
 * What the public will see, before it is published: the page (in a sandboxed frame: no script,
 * no access to the console), the Markdown as text, and the PDF to open or download.
 */
export function PreviewPanel(props: {
  reportId: string;
  number: number;
  language: string;
  revision: number;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<{ format: 'html' | 'md'; body: string; revision: number }>();
  const [error, setError] = useState<string>();
  const load = async (format: 'html' | 'md') => {
    setError(undefined);
    try {
      setShown({
        format,
        body: await text(previewUrl(props.reportId, props.number, format)),
        revision: props.revision,
      });
    } catch (e) {
      setError(e instanceof ApiError ? refusalWords(e, t) : String(e));
    }
  };
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{t('reportEditor.previewTitle', { n: props.number })}</h2>
      <p className="muted">{t('reportEditor.previewLead')}</p>
      <div className="toolbar">
        <button type="button" className="button button-secondary" onClick={() => void load('html')}>
          {t('reportEditor.previewPage')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => void load('md')}>
          {t('reportEditor.previewMarkdown')}
        </button>
        <a
          className="button button-secondary"
          href={previewUrl(props.reportId, props.number, 'pdf')}
          target="_blank"
          rel="noopener"
        >
          {t('reportEditor.previewPdf')}
        </a>
        <a
          className="button button-secondary"
          href={previewUrl(props.reportId, props.number, 'pdf')}
          download={`report-${props.number}.pdf`}
        >
          {t('reportEditor.downloadPdf')}
        </a>
      </div>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {shown && shown.revision !== props.revision ? (
        <p className="notice notice-info">{t('reportEditor.previewStale')}</p>
      ) : null}
      {shown?.format === 'html' ? (
        <iframe
          className="preview-frame"
          title={t('reportEditor.previewFrame')}
          sandbox=""
          srcDoc={shown.body}
        />
      ) : null}
      {shown?.format === 'md' ? (
        <pre
          className="preview-markdown"
          lang={props.language}
          dir={writingDirection(props.language)}
          tabIndex={0}
          aria-label={t('reportEditor.previewMarkdown')}
        >
          {shown.body}
        </pre>
      ) : null}
    </section>
  );
}
