/**
 * The path of a field as error responses name it: "parties[2].code". Shared by every check that
 * reports a field, so that a client sees one notation whichever check refused the request.
 */
export function fieldPath(parent: string, key: string | number): string {
  if (typeof key === 'number' || /^\d+$/.test(key)) return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}
