/**
 * A CSV reader for tests: quoted fields keep commas, quotes and line breaks.
 * `strict` is RFC 4180 as the portal writes it (every record ends in CRLF,
 * a bare line break is an error); otherwise LF and CRLF both end a record,
 * as other programs write them.
 */
export function parseCsv(text: string, strict = true): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const end = () => (row.push(field), rows.push(row), (row = []), (field = ''));
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(field), (field = '');
    else if (char === '\r' && text[i + 1] === '\n') end(), i++;
    else if (char === '\n' || char === '\r') {
      if (strict) throw new Error(`bare line break at ${i}`);
      end();
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    if (strict) throw new Error('last line not ended with CRLF');
    end();
  }
  return rows;
}
