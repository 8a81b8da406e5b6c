/** A parsed `/` filter: text or regex matched against a row, possibly inverted, or a label selector. */
export interface RowFilter {
  /** The text as typed, shown in the title. */
  source: string;
  invert: boolean;
  /** Matches one row's text; absent when the filter only selects labels. */
  test?: (text: string) => boolean;
  /** `-l app=web`: a server-side label selector. */
  labelSelector?: string;
}

/**
 * Parses what the user typed after `/`: `-l sel` is a label selector, a leading `!` inverts,
 * the rest is a case-insensitive regular expression, or a plain substring when it is not one.
 */
export function parseRowFilter(input: string): RowFilter | undefined {
  const source = input.trim();
  if (source === '') return undefined;
  const label = /^-l\s*(.*)$/.exec(source);
  if (label) return { source, invert: false, labelSelector: (label[1] ?? '').trim() };
  const invert = source.startsWith('!');
  const pattern = invert ? source.slice(1).trim() : source;
  if (pattern === '') return undefined;
  return { source, invert, test: matcher(pattern) };
}

function matcher(pattern: string): (text: string) => boolean {
  try {
    const regex = new RegExp(pattern, 'i');
    return (text) => regex.test(text);
  } catch {
    const needle = pattern.toLowerCase();
    return (text) => text.toLowerCase().includes(needle);
  }
}

/** Whether a row (its searchable text) passes the filter. */
export function rowPasses(filter: RowFilter | undefined, text: string): boolean {
  if (!filter?.test) return true;
  return filter.test(text) !== filter.invert;
}
