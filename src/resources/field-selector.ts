/**
 * The client-side check kubectl makes of a field selector (apimachinery fields.ParseSelector)
 * where it parses one before sending it (`top pod --field-selector`), with its error texts.
 */

const OPERATORS = ['!=', '==', '='];

/** Terms split at unescaped commas (fields.splitTerms). */
function splitTerms(selector: string): string[] {
  if (selector === '') return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

/** The value after the operator, unescaped (fields.UnescapeValue). */
function unescapeValue(value: string): string {
  let out = '';
  let inSlash = false;
  for (const c of value) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=')
        throw new Error(`invalid field selector: invalid escape sequence: \\${c}`);
      out += c;
      inSlash = false;
    } else if (c === '\\') inSlash = true;
    else if (c === ',' || c === '=')
      throw new Error(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    else out += c;
  }
  if (inSlash) throw new Error('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** Throws fields.ParseSelector's error for a selector it would refuse. */
export function checkFieldSelector(selector: string): void {
  for (const term of splitTerms(selector).sort()) {
    if (term === '') continue;
    let rhs: string | undefined;
    for (let i = 0; i < term.length && rhs === undefined; i++) {
      const op = OPERATORS.find((o) => term.startsWith(o, i));
      if (op) rhs = term.slice(i + op.length);
    }
    if (rhs === undefined)
      throw new Error(`invalid selector: '${selector}'; can't understand '${term}'`);
    unescapeValue(rhs);
  }
}
