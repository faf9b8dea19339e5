import { IMPORT_LANGUAGES } from '@libs/contracts/src/participants/participant-import-format';
import { useTranslation } from 'react-i18next';

/** The template in the page's language: an Excel workbook with lists to pick from, or CSV. */
export function TemplateDownloads() {
  const { t, i18n } = useTranslation();
  const lang = (IMPORT_LANGUAGES as readonly string[]).includes(i18n.language) ? i18n.language : 'en';
  return (
    <section aria-labelledby="import-template-title">
      <h2 id="import-template-title">{t('bulkImport.templateTitle')}</h2>
      <p>{t('bulkImport.templateLead')}</p>
      <div className="actions">
        <a
          className="button button-secondary"
          href={`/api/participants/participant-imports/template.xlsx?lang=${lang}`}
          download
        >
          {t('bulkImport.templateXlsx')}
        </a>
        <a
          className="button button-secondary"
          href={`/api/participants/participant-imports/template.csv?lang=${lang}`}
          download
        >
          {t('bulkImport.templateCsv')}
        </a>
      </div>
    </section>
  );
}
