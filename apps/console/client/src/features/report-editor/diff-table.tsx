import type { ReportContent } from '@libs/contracts/src/reports/report-content';
import { useTranslation } from 'react-i18next';
import { contentDiff, type WordRun } from './content-diff';
import { writingDirection } from './report-language';

function Words({ runs, lang }: { runs: WordRun[]; lang: string }) {
  const { t } = useTranslation();
  return (
    <div lang={lang} dir={writingDirection(lang)} className="diff-words">
      {runs.map((run, i) =>
        run.change === 'added' ? (
          <ins key={i}>
            <span className="visually-hidden" dir="auto">
              {t('reportEditor.added')}{' '}
            </span>
            {run.text}
          </ins>
        ) : run.change === 'removed' ? (
          <del key={i}>
            <span className="visually-hidden" dir="auto">
              {t('reportEditor.removed')}{' '}
            </span>
            {run.text}
          </del>
        ) : (
          <span key={i}>{run.text}</span>
        ),
      )}
    </div>
  );
}

/*
 * The spoken "added:"/"removed:" carry a dir of their own so that the text's direction (dir=auto)
 * is found from the report's words, not from those labels in the page's language.
 */

/**
 * Two versions side by side, part by part and entry by entry, the words removed struck through on
 * the earlier side and the words added underlined on the later; unchanged entries folded away.
 */
export function DiffTable(props: {
  from: ReportContent;
  to: ReportContent;
  fromLabel: string;
  toLabel: string;
  language: string;
  showSame?: boolean;
}) {
  const { t } = useTranslation();
  const rows = contentDiff(props.from, props.to).filter((r) => props.showSame || r.change !== 'same');
  if (rows.length === 0) return <p>{t('reportEditor.noDifferences')}</p>;
  return (
    <div className="table-scroll">
      <table className="diff-table">
        <caption className="visually-hidden">
          {t('reportEditor.diffCaption', { from: props.fromLabel, to: props.toLabel })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('reportEditor.part')}</th>
            <th scope="col">{props.fromLabel}</th>
            <th scope="col">{props.toLabel}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} className={`diff-${row.change}`} data-part={row.part}>
              <th scope="row">
                {t(`reportEditor.parts.${row.part}`)}
                <span className="diff-change">{t(`reportEditor.changes.${row.change}`)}</span>
              </th>
              <td>
                <Words runs={row.before} lang={props.language} />
              </td>
              <td>
                <Words runs={row.after} lang={props.language} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
