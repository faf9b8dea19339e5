import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './locales/ar.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import ru from './locales/ru.json';
import zh from './locales/zh.json';

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

/** Sets the page's language and direction: logical CSS properties then mirror the layout. */
export function applyLanguage(code: LanguageCode): void {
  const language = LANGUAGES.find((l) => l.code === code)!;
  document.documentElement.lang = code;
  document.documentElement.dir = language.dir;
  localStorage.setItem(STORAGE_KEY, code);
  void i18next.changeLanguage(code);
}

export async function initI18n(): Promise<void> {
  const lng = initialLanguage();
  await i18next.use(initReactI18next).init({
    resources: {
      ar: { translation: ar },
      en: { translation: en },
      es: { translation: es },
      fr: { translation: fr },
      ru: { translation: ru },
      zh: { translation: zh },
    },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  applyLanguage(lng);
}
