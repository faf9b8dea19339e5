/// <reference types="node" />
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';

/** The other five official languages; English is the source every one of them is checked against. */
const TRANSLATIONS = ['fr', 'ru', 'ar', 'es', 'zh'] as const;

/** i18next (v21 and later) picks a plural form by the Intl.PluralRules category, appended to the key. */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** Keys whose English text is the same in every language: file formats, not words. */
const SAME_EVERYWHERE = new Set(['desk.exportCsv', 'desk.exportXlsx', 'desk.exportBadges']);
/**
 * How many other keys may read exactly as in English ("Actions", "Dates", "Participants" in French, say).
 * An untranslated copy of en.json has every one of its ~200 keys the same.
 */
const HANDFUL = 10;

type Messages = { [key: string]: string | Messages };

function load(language: string): Messages {
  return JSON.parse(readFileSync(new URL(`./locales/${language}.json`, import.meta.url), 'utf8')) as Messages;
}

/** Every message by its dotted key, e.g. "desk.selected_one". */
function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, path)) flat.set(k, v);
    } else throw new Error(`${path} is neither a message nor a group of messages`);
  }
  return flat;
}

interface Entry {
  /** The plural categories the key has forms for; empty for a key without plural forms. */
  categories: string[];
  texts: string[];
}

/** Messages by base key, the plural forms of one key together. */
function byBaseKey(flat: Map<string, string>): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const [key, text] of flat) {
    const suffix = PLURAL_SUFFIX.exec(key);
    const base = suffix ? key.slice(0, suffix.index) : key;
    const entry = entries.get(base) ?? { categories: [], texts: [] };
    if (suffix) entry.categories.push(suffix[1]!);
    entry.texts.push(text);
    entries.set(base, entry);
  }
  return entries;
}

function placeholders(texts: string[]): string[] {
  return [...new Set(texts.flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!)))].sort();
}

function pluralCategories(language: string): string[] {
  return [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
}

const englishFlat = flatten(load('en'));
const english = byBaseKey(englishFlat);
const englishPlurals = [...english].filter(([, e]) => e.categories.length > 0).map(([key]) => key);

describe('the English messages, source of the translations', () => {
  it('have plural forms, each for exactly the categories English uses', () => {
    expect(englishPlurals.length).toBeGreaterThan(0);
    for (const key of englishPlurals) {
      expect({ key, categories: english.get(key)!.categories.sort() }).toEqual({
        key,
        categories: pluralCategories('en'),
      });
    }
  });

  it('have no empty message', () => {
    expect([...englishFlat].filter(([, text]) => !text.trim()).map(([key]) => key)).toEqual([]);
  });
});

for (const language of TRANSLATIONS) {
  describe(`the ${language} translation`, () => {
    const flat = flatten(load(language));
    const translation = byBaseKey(flat);

    it('has the same keys as English, once plural forms are reduced to their key', () => {
      expect([...translation.keys()].sort()).toEqual([...english.keys()].sort());
    });

    it(`has, for each plural key, exactly the forms ${language} needs (${pluralCategories(language).join(', ')})`, () => {
      const wanted = pluralCategories(language);
      for (const [key, entry] of translation) {
        const categories = english.get(key)?.categories.length ? wanted : [];
        expect({ key, categories: entry.categories.sort() }).toEqual({ key, categories });
      }
    });

    it('keeps every {{placeholder}} of the English, in every form, and adds none', () => {
      for (const [key, entry] of translation) {
        const source = english.get(key);
        if (!source) continue; // reported by the key test
        const wanted = placeholders(source.texts);
        for (const text of entry.texts) {
          expect({ key, text, placeholders: placeholders([text]) }).toEqual({
            key,
            text,
            placeholders: wanted,
          });
        }
      }
    });

    it('has no empty message', () => {
      expect([...flat].filter(([, text]) => !text.trim()).map(([key]) => key)).toEqual([]);
    });

    it('keeps the product name "Plenary" wherever the English has it', () => {
      for (const [key, text] of englishFlat) {
        const translated = flat.get(key);
        if (text.includes('Plenary') && translated !== undefined) {
          expect({ key, translated }).toEqual({ key, translated: expect.stringContaining('Plenary') });
        }
      }
    });

    it(`is translated: at most ${HANDFUL} messages read exactly as in English`, () => {
      const same = [...flat]
        .filter(([key, text]) => !SAME_EVERYWHERE.has(key) && englishFlat.get(key) === text)
        .map(([key]) => key);
      // The keys themselves, not just their number, show in a failure.
      expect(same.length > HANDFUL ? same : []).toEqual([]);
    });
  });
}
