/**
 * kubectl describe's PrefixWriter: lines written at an indentation level (two spaces each),
 * with tabs between key and value; text() aligns them as Go's tabwriter does.
 */
import type { TabWriterOptions } from '../tabwriter/tabwriter.js';
import { formatTabbed } from '../tabwriter/tabwriter.js';

/** kubectl describe's tabwriter: Go's own (minwidth 0, padding 2, widths not remembered). */
const DESCRIBE_TABWRITER: TabWriterOptions = {
  minWidth: 0,
  padding: 2,
  rememberWidths: false,
  ignoreAnsi: false,
};

/** Collects describe output. */
export class PrefixWriter {
  private buffer = '';
  private done = '';

  /** Writes text at a level (the text carries its own tabs and newline). */
  write(level: number, text: string): void {
    this.buffer += '  '.repeat(level) + text;
  }

  /** Writes a line at a level. */
  line(level: number, text = ''): void {
    this.write(level, `${text}\n`);
  }

  /** Aligns what was written so far on its own (Go's Flush): later lines start new columns. */
  flush(): void {
    this.done += formatTabbed(this.buffer, DESCRIBE_TABWRITER);
    this.buffer = '';
  }

  /** The text as written, tabs unaligned (what `rollout history --revision` prints). */
  raw(): string {
    return this.done + this.buffer;
  }

  /** The aligned text. */
  text(): string {
    return this.done + formatTabbed(this.buffer, DESCRIBE_TABWRITER);
  }
}
