/** A parsed `/` filter: text or regex matched against a row, possibly inverted, or a label selector. */
export interface RowFilter {
  /** The text as typed, shown in the title. */
  source: string;
  invert: boolean;
  /** Matches one row's text; absent when the filter only selects labels. */
  test?: (text: string) => boolean;
  /** `-l app=web`: a server-side label selector. */
  labelSelector?: string;
  /** Why the text cannot be used (an invalid regular expression): shown, and nothing is filtered. */
  error?: string;
}

/**
 * Parses what the user typed after `/`: `-l sel` is a label selector, a leading `!` inverts,
 * the rest is a case-insensitive regular expression. Text that is not a valid regular
 * expression is reported (`error`), not silently read as something else.
 */
export function parseRowFilter(input: string): RowFilter | undefined {
  const source = input.trim();
  if (source === '') return undefined;
  const label = /^-l\s*(.*)$/.exec(source);
  if (label) return { source, invert: false, labelSelector: (label[1] ?? '').trim() };
  const invert = source.startsWith('!');
  const pattern = invert ? source.slice(1).trim() : source;
  if (pattern === '') return undefined;
  try {
    const regex = new RegExp(pattern, 'i');
    return { source, invert, test: (text) => regex.test(text) };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { source, invert, error: why.replace(/^Invalid regular expression: /, '') };
  }
}

/** Whether a row (its searchable text) passes the filter. */
export function rowPasses(filter: RowFilter | undefined, text: string): boolean {
  if (!filter?.test) return true;
  return filter.test(text) !== filter.invert;
}
