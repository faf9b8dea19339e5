import { describe, expect, it } from '@jest/globals';
import { fieldPath } from './field-path.js';

describe('fieldPath', () => {
  it('joins object keys with dots and array indexes with brackets', () => {
    expect(fieldPath('', 'title')).toBe('title');
    expect(fieldPath('venue', 'city')).toBe('venue.city');
    expect(fieldPath('parties', 2)).toBe('parties[2]');
    expect(fieldPath('parties', '2')).toBe('parties[2]');
    expect(fieldPath('', 0)).toBe('[0]');
  });
});
