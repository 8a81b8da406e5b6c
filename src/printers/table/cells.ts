import { goSprint } from '../go-fmt.js';

const CELL_BREAK = /[\f\n\r]/;

/**
 * A Table cell as kubectl's printTable writes it: nil blank, strings as they are but cut at the
 * first newline, carriage return or form feed with `...`, anything else as Go's fmt.Sprint.
 */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : goSprint(value);
  const cut = text.search(CELL_BREAK);
  return cut < 0 ? text : `${text.slice(0, cut)}...`;
}
