/** Parsers for the small flag syntaxes the generators share, with kubectl's error messages. */

/** generate.ParseLabels: `a=b,c=d` into a map (used by run -l, expose --selector/--labels). */
export function parseLabels(spec: string): Record<string, string> {
  if (spec.length === 0) throw new Error('no label spec passed');
  const labels: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const parts = item.split('=');
    if (parts.length !== 2) throw new Error(`unexpected label spec: ${item}`);
    const [key = '', value = ''] = parts;
    if (key.length === 0) throw new Error('unexpected empty label key');
    labels[key] = value;
  }
  return labels;
}

/** cmdutil.ParsePairs without removal: `k=v` items into a map, naming the bad ones. */
export function parsePairs(items: readonly string[], pairType: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  const invalid: string[] = [];
  for (const item of items) {
    const at = item.indexOf('=');
    if (at > 0) pairs[item.slice(0, at)] = item.slice(at + 1);
    else invalid.push(item);
  }
  if (invalid.length > 0) throw new Error(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return pairs;
}

/** util.ParseLiteralSource: `key=value`, split at the first `=`. */
export function parseLiteralSource(source: string): { key: string; value: string } {
  const at = source.indexOf('=');
  if (at <= 0) throw new Error(`invalid literal source ${source}, expected key=value`);
  return { key: source.slice(0, at), value: source.slice(at + 1) };
}

/** util.ParseFileSource: `[key=]path`; the key defaults to the path's basename. */
export function parseFileSource(source: string): { key: string; path: string } {
  const separators = source.split('=').length - 1;
  if (separators === 0) return { key: goPathBase(source), path: source };
  if (separators === 1 && source.startsWith('='))
    throw new Error(`key name for file path ${source.slice(1)} missing`);
  if (separators === 1 && source.endsWith('='))
    throw new Error(`file path for key name ${source.slice(0, -1)} missing`);
  if (separators > 1) throw new Error("key names or file paths cannot contain '='");
  const [key = '', path = ''] = source.split('=');
  return { key, path };
}

/** Go's path.Base: the last element, trailing slashes removed; "." for empty, "/" for all slashes. */
export function goPathBase(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Go's strings.Split semantics for a comma list as pflag's StringSlice reads it (CSV). */
export function splitCsvFlag(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    if (value === '') continue;
    out.push(...parseCsvLine(value));
  }
  return out;
}

function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"' && current === '') quoted = true;
    else if (c === ',') {
      fields.push(current);
      current = '';
    } else current += c;
  }
  fields.push(current);
  return fields;
}

/** Go's strconv.Atoi, with its error text. */
export function goAtoi(text: string): number {
  if (!/^[+-]?\d+$/.test(text))
    throw new Error(`strconv.Atoi: parsing ${goQuote(text)}: invalid syntax`);
  const value = Number(text);
  if (!Number.isSafeInteger(value))
    throw new Error(`strconv.Atoi: parsing ${goQuote(text)}: value out of range`);
  return value;
}

/** Go's %q for plain strings (enough for flag values). */
export function goQuote(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** intstr.Parse: an int when the text is a number, else the string itself. */
export function parseIntOrString(text: string): number | string {
  return /^[+-]?\d+$/.test(text) && Math.abs(Number(text)) <= 2147483647 ? Number(text) : text;
}
