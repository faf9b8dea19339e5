/**
 * CSV as spreadsheets write it (RFC 4180): quoted fields may hold the separator, line breaks and
 * doubled quotes. The separator is the one the header row uses most, outside quotes: a comma,
 * or the semicolon Excel writes where the comma is the decimal mark (French, Russian, Spanish
 * locales), or a tab; Excel's "sep=;" first line says it outright.
 */
export function parseCsv(text: string): string[][] {
  let body = text.replace(/^\uFEFF/, '');
  let separator: string | undefined;
  const declared = /^"?sep=(.)"?\r?\n/i.exec(body);
  if (declared) {
    separator = declared[1];
    body = body.slice(declared[0].length);
  }
  separator ??= sniffSeparator(body);

  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The separator the first line uses most, outside quotes (a comma when it uses none). */
export function sniffSeparator(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [separator, count] of counts) if (count > counts.get(best)!) best = separator;
  return best;
}
