import type { ReportContent } from '@libs/contracts/src/reports/report-content';
import { useTranslation } from 'react-i18next';
import { writingDirection } from './report-language';

/** A version's content to read, not to edit, in the report's language and direction. */
export function ContentView({ content, language }: { content: ReportContent; language: string }) {
  const { t } = useTranslation();
  const dir = writingDirection(language);
  const text = (value: string | undefined) => (
    <p lang={language} dir={dir} className="written">
      {value}
    </p>
  );
  return (
    <article className="content-view">
      <h3 lang={language} dir={dir}>
        {content.title}
      </h3>
      {content.summary ? (
        <>
          <h4>{t('reportEditor.summary')}</h4>
          {text(content.summary)}
        </>
      ) : null}
      {content.sections.length ? <h4>{t('reportEditor.sections')}</h4> : null}
      {content.sections.map((s, i) => (
        <section key={i}>
          <h5 lang={language} dir={dir}>
            {s.title}
          </h5>
          {text(s.text)}
        </section>
      ))}
      {content.statements.length ? <h4>{t('reportEditor.statements')}</h4> : null}
      {content.statements.map((s, i) => (
        <blockquote key={i} lang={language} dir={dir}>
          <p className="written">{s.quote}</p>
          <footer>{[s.speaker, s.position, s.party].filter(Boolean).join(', ')}</footer>
        </blockquote>
      ))}
      {content.decisions.length ? <h4>{t('reportEditor.decisions')}</h4> : null}
      <ul>
        {content.decisions.map((d, i) => (
          <li key={i} lang={language} dir={dir}>
            {d.text} {d.parties.length ? <em>({d.parties.join(', ')})</em> : null}
          </li>
        ))}
      </ul>
      {content.recommendations.length ? <h4>{t('reportEditor.recommendations')}</h4> : null}
      <ul>
        {content.recommendations.map((r, i) => (
          <li key={i} lang={language} dir={dir}>
            {r.text}
          </li>
        ))}
      </ul>
      {content.followUps.length ? <h4>{t('reportEditor.followUps')}</h4> : null}
      <ul>
        {content.followUps.map((f, i) => (
          <li key={i} lang={language} dir={dir}>
            {f.action} — {f.responsible}
            {f.dueDate ? `, ${f.dueDate}` : ''} ({t(`reportEditor.followUpStatuses.${f.status}`)})
          </li>
        ))}
      </ul>
      {content.annexes.length ? <h4>{t('reportEditor.annexes')}</h4> : null}
      <ul>
        {content.annexes.map((a, i) => (
          <li key={i}>
            <a href={a.url} rel="noopener noreferrer" target="_blank" lang={language} dir={dir}>
              {a.title}
            </a>
          </li>
        ))}
      </ul>
    </article>
  );
}
