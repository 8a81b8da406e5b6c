import { padding, runeCount, textWidth } from './text-width.js';

/** Layout parameters of a tabwriter (Go's tabwriter.NewWriter arguments, padding with spaces). */
export interface TabWriterOptions {
  /** Minimal column width, padding included (kubectl: 6). */
  minWidth: number;
  /** Spaces added to the widest cell of a column (kubectl: 3). */
  padding: number;
  /**
   * liggitt/tabwriter's RememberWidths (kubectl's printers): a column never gets narrower than
   * it was in an earlier flush. Go's own text/tabwriter (kubectl describe) forgets. Default true.
   */
  rememberWidths?: boolean;
  /** ANSI colour codes do not count towards widths (ktl's coloured tables). Default true. */
  ignoreAnsi?: boolean;
}

/** kubectl's settings (cli-runtime printers.GetNewTabWriter): minwidth 6, padding 3, RememberWidths. */
export const KUBECTL_TABWRITER: TabWriterOptions = { minWidth: 6, padding: 3 };

/**
 * The one port of Go's text/tabwriter in ktl, line-oriented: lines are buffered until flush();
 * every cell but the last of a line belongs to a column whose width is its widest cell plus
 * padding, at least minWidth (and, with rememberWidths, never less than the width remembered
 * from earlier flushes). A line with a single cell flushes, as Go's does.
 */
export class TabWriter {
  private lines: string[][] = [];
  private remembered: number[] = [];
  private readonly options: TabWriterOptions;
  private readonly out: (text: string) => void;
  private readonly width: (text: string) => number;

  constructor(out: (text: string) => void, options: TabWriterOptions = KUBECTL_TABWRITER) {
    this.out = out;
    this.options = options;
    this.width = options.ignoreAnsi === false ? runeCount : textWidth;
  }

  /** Buffers one line of cells (a cell holding a tab or newline is split there, as Go would). */
  writeLine(cells: readonly string[]): void {
    if (cells.length === 0) cells = [''];
    if (cells.some((c) => c.includes('\n'))) {
      for (const line of cells.join('\t').split('\n')) this.writeLine(line.split('\t'));
      return;
    }
    const line = cells.some((c) => c.includes('\t') || c.includes('\v'))
      ? cells.join('\t').split(/[\t\v]/)
      : [...cells];
    this.lines.push(line);
    if (line.length === 1) this.flush();
  }

  /** Lines buffered and not yet written. */
  get pendingLines(): number {
    return this.lines.length;
  }

  /** Formats and writes the buffered lines. */
  flush(): void {
    if (this.lines.length === 0) return;
    const out: string[] = [];
    this.format(out, 0, this.lines.length, []);
    this.lines = [];
    this.out(out.join(''));
  }

  /** Forgets remembered column widths (kubectl does so when a new resource type starts). */
  resetWidths(): void {
    this.remembered = [];
  }

  private format(out: string[], first: number, end: number, widths: number[]): void {
    const column = widths.length;
    let line0 = first;
    for (let at = first; at < end; at++) {
      if (column >= this.cellCount(at) - 1) continue;
      this.writeLines(out, line0, at, widths);
      line0 = at;
      let width = this.options.minWidth;
      for (; at < end; at++) {
        const line = this.lines[at] as string[];
        if (column >= line.length - 1) break;
        const cellWidth = this.width(line[column] as string) + this.options.padding;
        if (cellWidth > width) width = cellWidth;
      }
      widths.push(this.remember(widths, width));
      this.format(out, line0, at, widths);
      widths.pop();
      line0 = at;
    }
    this.writeLines(out, line0, end, widths);
  }

  private cellCount(index: number): number {
    return (this.lines[index] as string[]).length;
  }

  private remember(widths: readonly number[], width: number): number {
    if (this.options.rememberWidths === false) return width;
    const column = widths.length;
    if (this.remembered.length < column)
      this.remembered.push(...widths.slice(this.remembered.length));
    const known = this.remembered[column];
    if (known === undefined) this.remembered.push(width);
    else if (known > width) return known;
    else this.remembered[column] = width;
    return width;
  }

  private writeLines(out: string[], first: number, end: number, widths: readonly number[]): void {
    for (let i = first; i < end; i++) {
      const line = this.lines[i] as string[];
      let text = '';
      for (let j = 0; j < line.length; j++) {
        const cell = line[j] as string;
        const width = widths[j];
        text += width === undefined ? cell : cell + padding(width - this.width(cell));
      }
      out.push(text, '\n');
    }
  }
}

/**
 * Aligns a whole text as a Go tabwriter fed with it would: cells end at tabs, lines at
 * newlines; a last line without a newline is written as it is (kubectl describe's output).
 */
export function formatTabbed(text: string, options: TabWriterOptions): string {
  let out = '';
  const writer = new TabWriter((chunk) => (out += chunk), options);
  const lines = text.split('\n');
  const unterminated = lines.pop() ?? '';
  for (const line of lines) writer.writeLine(line.split('\t'));
  writer.flush();
  return out + unterminated;
}
