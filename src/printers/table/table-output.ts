import { TabWriter } from '../../resources/tabwriter/tabwriter.js';
import type { TableOptions } from './decorate.js';
import { TablePrinter } from './table-printer.js';

/**
 * The human-readable output of one `get`: one TabWriter shared by every resource type, as in
 * kubectl's get.go. Each new type flushes the previous one, forgets the column widths, and is
 * preceded by a blank line when something was printed and headers are on.
 */
export class TableOutput {
  private readonly writer: TabWriter;
  private readonly write: (text: string) => void;
  private current: TablePrinter | undefined;
  private written = 0;
  private separatorPending = false;

  constructor(write: (text: string) => void) {
    this.write = write;
    this.writer = new TabWriter((text) => this.emit(text));
  }

  /** Starts the table of a resource type; the returned printer takes its Tables. */
  startType(options: TableOptions): TablePrinter {
    this.writer.flush();
    this.writer.resetWidths();
    if (this.current && !options.noHeaders && this.written > 0) this.separatorPending = true;
    this.current = new TablePrinter(this.writer, options);
    return this.current;
  }

  /** Writes what is buffered (call at the end, or after each watch event). */
  flush(): void {
    this.writer.flush();
  }

  /** Whether anything reached the output (kubectl prints "No resources found" otherwise). */
  get wroteAnything(): boolean {
    return this.written > 0;
  }

  private emit(text: string): void {
    if (text.length === 0) return;
    if (this.separatorPending) {
      this.separatorPending = false;
      this.write('\n');
    }
    this.written += text.length;
    this.write(text);
  }
}
