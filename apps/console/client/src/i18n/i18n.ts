import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
// English is every page's fallback, so it comes with the first bundle; the others when chosen.
import en from './locales/en.json';

/** The six official languages of the United Nations, in their own names. */
export const LANGUAGES = [
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'zh', name: '中文', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'ru', name: 'Русский', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'plenary.language';

/** The language asked for: the last chosen (a preference, not a secret), else the browser's. */
export function initialLanguage(): LanguageCode {
  const stored = localStorage.getItem(STORAGE_KEY);
  const wanted = [stored, ...navigator.languages].filter(Boolean).map((l) => l!.slice(0, 2));
  return (wanted.find((l) => LANGUAGES.some((x) => x.code === l)) as LanguageCode | undefined) ?? 'en';
}

const FALLBACK = 'en' satisfies LanguageCode;

/**
 * Each other language's messages are a chunk of their own, fetched when the language is first
 * used: a page carries its reader's language and English, not all six.
 */
const MESSAGES: Record<Exclude<LanguageCode, 'en'>, () => Promise<{ default: Record<string, unknown> }>> = {
  ar: () => import('./locales/ar.json'),
  es: () => import('./locales/es.json'),
  fr: () => import('./locales/fr.json'),
  ru: () => import('./locales/ru.json'),
  zh: () => import('./locales/zh.json'),
};

async function loadMessages(code: LanguageCode): Promise<void> {
  if (code === FALLBACK || i18next.hasResourceBundle(code, 'translation')) return;
  const messages = await MESSAGES[code]();
  i18next.addResourceBundle(code, 'translation', messages.default);
}

/** Sets the page's language and direction (logical CSS properties then mirror the layout), once its messages are in. */
export async function applyLanguage(code: LanguageCode): Promise<void> {
  await loadMessages(code);
  await i18next.changeLanguage(code);
  const language = LANGUAGES.find((l) => l.code === code)!;
  document.documentElement.lang = code;
  document.documentElement.dir = language.dir;
  localStorage.setItem(STORAGE_KEY, code);
}

export async function initI18n(): Promise<void> {
  const lng = initialLanguage();
  await i18next.use(initReactI18next).init({
    resources: { [FALLBACK]: { translation: en } },
    partialBundledLanguages: true,
    fallbackLng: FALLBACK,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  await applyLanguage(lng);
}
