import { describe, expect, it } from '@jest/globals';
import {
  emailKeyOf,
  isLatin,
  personName,
  searchNamesOf,
  searchWordsOf,
  sortNameOf,
} from './participant-names.js';

describe('names in two scripts', () => {
  it('keeps the original and the Latin form', () => {
    expect(
      personName({ given: 'Даулет', family: 'Аргандыков', givenLatin: 'Daulet', familyLatin: 'Argandykov' }),
    ).toEqual({
      given: 'Даулет',
      family: 'Аргандыков',
      givenLatin: 'Daulet',
      familyLatin: 'Argandykov',
    });
  });

  it('takes a Latin-script name as its own Latin form, accents and all', () => {
    expect(personName({ given: 'Ayşe', family: 'Yılmaz' })).toMatchObject({
      givenLatin: 'Ayşe',
      familyLatin: 'Yılmaz',
    });
  });

  it('asks for the Latin form of a name in another script, naming each field', () => {
    expect(() => personName({ given: 'فرید', family: 'احمدی' })).toThrow(
      expect.objectContaining({
        errors: [
          { field: 'name.givenLatin', messages: ['givenLatin is required: "فرید" is not in Latin script'] },
          {
            field: 'name.familyLatin',
            messages: ['familyLatin is required: "احمدی" is not in Latin script'],
          },
        ],
      }),
    );
  });

  it('refuses a "Latin" form that is not in Latin script', () => {
    expect(() =>
      personName({ given: 'Даулет', family: 'Аргандыков', givenLatin: 'Даулет', familyLatin: 'Argandykov' }),
    ).toThrow(
      expect.objectContaining({
        errors: [{ field: 'name.givenLatin', messages: ['givenLatin must be written in Latin script'] }],
      }),
    );
  });

  it('tells scripts apart, with hyphens, apostrophes and spaces neutral', () => {
    expect(isLatin("O'Neil-Smith Jr")).toBe(true);
    expect(isLatin('Ким')).toBe(false);
  });

  it('searches by the beginning of any word of either form, without case or accents', () => {
    const name = personName({
      given: 'Даулет',
      family: 'Аргандыков',
      givenLatin: 'Daulet',
      familyLatin: 'Argandykov',
    });
    expect(searchNamesOf(name)).toEqual(['даулет', 'аргандыков', 'daulet', 'argandykov']);
    expect(searchNamesOf(personName({ given: 'José', family: 'Núñez-García' }))).toEqual([
      'jose',
      'nunez',
      'garcia',
    ]);
    expect(searchWordsOf('  Núñez  DAU ')).toEqual(['nunez', 'dau']);
  });

  it('sorts by the Latin family name, then the given name', () => {
    expect(sortNameOf(personName({ given: 'Ayşe', family: 'Yılmaz' }))).toBe('yılmaz ayse');
  });

  it('case-folds emails, so one person cannot register twice with other capitals', () => {
    expect(emailKeyOf(' D.Argandykov@Enbek.KZ ')).toBe(emailKeyOf('d.argandykov@enbek.kz'));
  });
});
