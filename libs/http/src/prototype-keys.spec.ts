import { describe, expect, it } from '@jest/globals';
import { parse } from 'node:querystring';
import { findPrototypeKeys } from './prototype-keys.js';

describe('findPrototypeKeys', () => {
  it('finds the keys JSON.parse keeps as own properties, at any depth', () => {
    expect(findPrototypeKeys(JSON.parse('{"__proto__":{"role":"secretariat"}}'))).toEqual(['__proto__']);
    expect(findPrototypeKeys(JSON.parse('{"constructor":{"prototype":{}}}'))).toEqual(['constructor']);
    expect(
      findPrototypeKeys(
        JSON.parse('{"name":{"given":"A","__proto__":{"x":1}},"parties":[{"prototype":1},{"code":"KAZ"}]}'),
      ),
    ).toEqual(['name.__proto__', 'parties[0].prototype']);
  });

  it('finds them in query objects, which have no prototype', () => {
    expect(findPrototypeKeys(parse('__proto__=x&limit=5&constructor=y'))).toEqual([
      '__proto__',
      'constructor',
    ]);
  });

  it('prefixes the paths with the field the value came from', () => {
    expect(findPrototypeKeys(JSON.parse('{"__proto__":1}'), 'content')).toEqual(['content.__proto__']);
  });

  it('finds nothing in ordinary values, whatever their text says', () => {
    expect(findPrototypeKeys({ title: '__proto__', tags: ['constructor'], n: 1 })).toEqual([]);
    expect(findPrototypeKeys('constructor')).toEqual([]);
    expect(findPrototypeKeys(undefined)).toEqual([]);
  });

  it('walks values nested deeper than the call stack', () => {
    const deep = JSON.parse(`${'['.repeat(20_000)}{"__proto__":1}${']'.repeat(20_000)}`) as unknown;
    expect(findPrototypeKeys(deep)).toEqual([`${'[0]'.repeat(20_000)}.__proto__`]);
  });
});
