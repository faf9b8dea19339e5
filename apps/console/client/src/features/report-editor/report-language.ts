/** Languages written right to left (ISO 639-1), for a report in a language the page's list lacks. */
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'sd', 'ug', 'ku']);

export function isRightToLeft(language: string): boolean {
  return RIGHT_TO_LEFT.has(language.slice(0, 2));
}

/**
 * The direction a report's text is written in: its language's (Arabic right to left); "auto"
 * otherwise, so a quotation in another script inside it still reads in its own direction.
 */
export function writingDirection(language: string): 'rtl' | 'auto' {
  return isRightToLeft(language) ? 'rtl' : 'auto';
}

/** A language's name in the reader's language ("Russian", "الروسية"). */
export function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Languages written in Latin script, whose reports name people by their Latin names. */
const LATIN = new Set([
  'en',
  'fr',
  'es',
  'de',
  'it',
  'pt',
  'nl',
  'tr',
  'uz',
  'az',
  'tk',
  'pl',
  'sv',
  'da',
  'no',
  'fi',
  'id',
  'ms',
  'sw',
  'vi',
]);

/** A participant's name as a report in this language writes it: Latin for a Latin-script report, else as the person writes it. */
export function nameForReport(
  name: { given: string; family: string; givenLatin: string; familyLatin: string },
  language: string,
): string {
  return LATIN.has(language.slice(0, 2))
    ? `${name.givenLatin} ${name.familyLatin}`
    : `${name.given} ${name.family}`;
}
