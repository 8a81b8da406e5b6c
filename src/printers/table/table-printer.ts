import { boldHeader, colourStatus, isStatusColumn } from '../colour.js';
import type { TabWriter } from '../../resources/tabwriter/tabwriter.js';
import { formatCell } from './cells.js';
import type { DecoratedTable, TableOptions } from './decorate.js';
import { decorateTable } from './decorate.js';
import type { Table, TableColumnDefinition } from './table-types.js';

const EVENT_NAMES: Record<string, string> = {
  ADDED: 'ADDED   ',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED ',
  ERROR: 'ERROR   ',
};

/** A watch event type as kubectl pads it in the EVENT column. */
export function formatEventType(type: string): string {
  return EVENT_NAMES[type] ?? type;
}

function sameColumns(a: readonly TableColumnDefinition[], b: readonly TableColumnDefinition[]) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * kubectl's HumanReadablePrinter for server-side Tables: writes header and rows into a
 * TabWriter. Like kubectl it prints the header once and again only when the columns change, so
 * successive chunks and watch events line up under one header; the caller flushes the writer.
 */
export class TablePrinter {
  private lastColumns: TableColumnDefinition[] = [];
  private printedHeaders = false;
  private readonly writer: TabWriter;
  private readonly options: TableOptions;

  constructor(writer: TabWriter, options: TableOptions = {}) {
    this.writer = writer;
    this.options = options;
  }

  /** Prints one Table (a list chunk, a single object, or a watch event's object). */
  printTable(table: Table, eventType?: string): void {
    const options = { ...this.options };
    let columns = table.columnDefinitions ?? [];
    if (this.printedHeaders && (columns.length === 0 || sameColumns(columns, this.lastColumns)))
      options.noHeaders = true;
    if (columns.length === 0) columns = this.lastColumns;
    else if (!sameColumns(columns, this.lastColumns)) {
      this.lastColumns = columns;
      this.printedHeaders = false;
    }
    const rows = table.rows ?? [];
    if (rows.length > 0) this.printedHeaders = true;
    const decorated = decorateTable({ ...table, columnDefinitions: columns, rows }, options);
    if (eventType) addEventColumn(decorated, eventType);
    this.writeTable(decorated, options);
  }

  /** Flushes the rows written so far (widths only grow from one flush to the next). */
  flush(): void {
    this.writer.flush();
  }

  private writeTable(table: DecoratedTable, options: TableOptions): void {
    const visible = table.columns.map((c) => options.wide === true || !c.priority);
    const colour = options.colour === true;
    if (!options.noHeaders) {
      if (table.rows.length === 0) return;
      const names = table.columns.filter((_, i) => visible[i]).map((c) => c.name.toUpperCase());
      this.writer.writeLine(colour ? names.map(boldHeader) : names);
    }
    const statusColumn = colour ? table.columns.findIndex((c) => isStatusColumn(c.name)) : -1;
    const count = table.columns.length;
    for (const row of table.rows) {
      const cells: string[] = [];
      const end = Math.min(row.length, count);
      for (let i = 0; i < end; i++) {
        if (!visible[i]) continue;
        const text = formatCell(row[i]);
        cells.push(i === statusColumn ? colourStatus(text) : text);
      }
      this.writer.writeLine(cells);
    }
  }
}

function addEventColumn(table: DecoratedTable, eventType: string): void {
  table.columns.unshift({ name: 'Event', type: 'string' });
  const cell = formatEventType(eventType);
  for (let i = 0; i < table.rows.length; i++) table.rows[i] = [cell, ...(table.rows[i] ?? [])];
}
