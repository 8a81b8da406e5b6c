import { PlainError } from '../errors/errors.js';
import { goSprint } from './go-fmt.js';
import { JsonPath } from './jsonpath/jsonpath.js';
import { TabWriter } from '../resources/tabwriter/tabwriter.js';

/** One custom column: its verbatim header and the JSONPath it prints. */
export interface CustomColumn {
  header: string;
  path: JsonPath;
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** kubectl's RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` all become `{.a.b}`. */
export function relaxedJsonPath(expression: string): string {
  if (expression === '') return expression;
  const match = RELAXED.exec(expression);
  if (!match)
    throw new PlainError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  return `{.${match[1] || match[2]}}`;
}

function column(header: string, expression: string): CustomColumn {
  const template = relaxedJsonPath(expression);
  try {
    return { header, path: new JsonPath(template) };
  } catch (error) {
    throw new PlainError(`${(error as Error).message}`);
  }
}

/** Parses `-o custom-columns=NAME:.metadata.name,...` with kubectl's errors. */
export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec === '')
    throw new PlainError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const at = part.indexOf(':');
    if (at < 0)
      throw new PlainError(
        `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`,
      );
    return column(part.slice(0, at), part.slice(at + 1));
  });
}

const FILE_FORMAT =
  'Expected format is one line of space separated headers, one line of space separated column specs.';

/** Parses a custom-columns-file (kubectl's NewCustomColumnsPrinterFromTemplate): headers, then paths. */
export function parseCustomColumnsFile(text: string): CustomColumn[] {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  if (lines[lines.length - 1] === '') lines.pop();
  const [headerLine, pathLine] = lines;
  if (headerLine === undefined)
    throw new PlainError(`invalid template, missing header line. ${FILE_FORMAT}`);
  if (pathLine === undefined)
    throw new PlainError(`invalid template, missing spec line. ${FILE_FORMAT}`);
  const headers = headerLine.split(/\s+/).filter(Boolean);
  const paths = pathLine.split(/\s+/).filter(Boolean);
  if (headers.length !== paths.length)
    throw new PlainError(
      `number of headers (${headers.length}) and field specifications (${paths.length}) don't match`,
    );
  return headers.map((header, i) => column(header, paths[i] as string));
}

/** The cell of one column for one object: values comma-joined as Go's %v, or `<none>`. */
export function customColumnCell(path: JsonPath, object: unknown): string {
  const results = path.findResults(object, true);
  const values = results.flat();
  if (results.length === 0 || (results[0] ?? []).length === 0) values.unshift('<none>');
  return values.map((v) => (v === '<none>' ? v : goSprint(v))).join(',');
}

/** Writes custom-columns rows into kubectl's tabwriter layout; call finish() at the end. */
export class CustomColumnsWriter {
  private readonly writer: TabWriter;
  private headerDone: boolean;

  constructor(
    private readonly columns: CustomColumn[],
    write: (text: string) => void,
    noHeaders = false,
  ) {
    this.writer = new TabWriter(write);
    this.headerDone = noHeaders;
  }

  /** Adds the header line unless it was written (or --no-headers). */
  printHeader(): void {
    if (this.headerDone) return;
    this.writer.writeLine(this.columns.map((c) => c.header));
    this.headerDone = true;
  }

  /** Adds the row of one object (the header first, once). */
  printItem(object: unknown): void {
    this.printHeader();
    this.writer.writeLine(this.columns.map((c) => customColumnCell(c.path, object)));
  }

  /** Writes the buffered rows (widths span every row, as kubectl's single flush). */
  finish(): void {
    this.writer.flush();
  }
}
