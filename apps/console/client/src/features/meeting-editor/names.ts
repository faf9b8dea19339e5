import countries from 'i18n-iso-countries';
import ISO6391 from 'iso-639-1';
import type { ChoiceOption } from './searchable-choice';

const collator = (language: string) => new Intl.Collator(language);

/**
 * Every ISO 3166-1 country by its alpha-3 code (what the API accepts for a state), named in the
 * reader's language, in that language's alphabetical order.
 */
export function countryOptions(language: string): ChoiceOption[] {
  const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
  const codes = countries.getAlpha3Codes() as Record<string, string>;
  const sort = collator(language);
  return Object.entries(codes)
    .map(([alpha3, alpha2]) => ({ value: alpha3, label: names.of(alpha2) ?? alpha3 }))
    .sort((a, b) => sort.compare(a.label, b.label));
}

/** A country's name in the reader's language, from its alpha-3 code. */
export function countryName(alpha3: string, language: string): string {
  const alpha2 = countries.alpha3ToAlpha2(alpha3);
  if (!alpha2) return alpha3;
  return new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(alpha2) ?? alpha3;
}

/** The ISO 639-1 languages (what the API accepts as working languages), named in the reader's language. */
export function languageOptions(language: string): ChoiceOption[] {
  const sort = collator(language);
  return ISO6391.getAllCodes()
    .map((code) => ({ value: code, label: languageName(code, language) }))
    .sort((a, b) => sort.compare(a.label, b.label));
}

export function languageName(code: string, language: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([language], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    name = undefined;
  }
  // A language the browser cannot name in the reader's language keeps its ISO name.
  return name ?? (ISO6391.getName(code) || code);
}

/** A time zone as people look for it: "Asia/Almaty (UTC+05:00)", "Almaty" being searchable. */
export function zoneLabel(zone: string, offset: string): string {
  return `${zone.replace(/_/g, ' ')} (${offset})`;
}
