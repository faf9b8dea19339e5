import type { PersonNameInput } from '@plenary/contracts';
import { type FieldError, validationFailed } from '@plenary/http';
import type { PersonName } from './schemas/participant.schema.js';

/** Letters of another script than Latin (digits, spaces, hyphens and apostrophes are neutral). */
const NON_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

export const isLatin = (text: string): boolean => !NON_LATIN.test(text);

/**
 * A name in its original script and in Latin script, as badges and lists need both
 * (Даулет Аргандыков / Daulet Argandykov). A name already in Latin script is its own Latin form;
 * any other needs it given, else a 400 naming the missing field.
 */
export function personName(input: PersonNameInput, path = 'name'): PersonName {
  const errors: FieldError[] = [];
  const latin = (original: string, given: string | undefined, field: 'givenLatin' | 'familyLatin') => {
    if (given !== undefined) {
      if (!isLatin(given))
        errors.push({ field: `${path}.${field}`, messages: [`${field} must be written in Latin script`] });
      return given;
    }
    if (isLatin(original)) return original;
    errors.push({
      field: `${path}.${field}`,
      messages: [`${field} is required: "${original}" is not in Latin script`],
    });
    return original;
  };
  const name = {
    given: input.given.trim(),
    family: input.family.trim(),
    givenLatin: latin(input.given, input.givenLatin?.trim(), 'givenLatin'),
    familyLatin: latin(input.family, input.familyLatin?.trim(), 'familyLatin'),
  };
  if (errors.length > 0) throw validationFailed(errors);
  return name;
}

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{Mark}/gu, '')
    .toLocaleLowerCase('und');

/** The words of every form of the name, folded: what a search by the beginning of a name looks through. */
export function searchNamesOf(name: PersonName): string[] {
  const words = [name.given, name.family, name.givenLatin, name.familyLatin].flatMap((part) =>
    fold(part).split(/[\s\-'’]+/u),
  );
  return [...new Set(words.filter(Boolean))];
}

/** Folds a search query the same way, into the words that must each begin a word of the name. */
export const searchWordsOf = (query: string): string[] =>
  fold(query)
    .split(/[\s\-'’]+/u)
    .filter(Boolean);

export const sortNameOf = (name: PersonName): string => `${fold(name.familyLatin)} ${fold(name.givenLatin)}`;

/** One person, one delegation per meeting: the email, case-folded. */
export const emailKeyOf = (email: string): string => email.trim().normalize('NFKC').toLocaleLowerCase('und');
