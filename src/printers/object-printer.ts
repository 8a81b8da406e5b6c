import {
  CustomColumnsWriter,
  parseCustomColumns,
  parseCustomColumnsFile,
} from './custom-columns.js';
import type { CustomColumn } from './custom-columns.js';
import { compileGoTemplate, printGoTemplate } from './go-template-printer.js';
import { toGoJson, toKubectlJson } from './json-text.js';
import { compileJsonPath, renderJsonPath } from './jsonpath-printer.js';
import { ListWriter } from './list-writer.js';
import { withoutManagedFields } from './managed-fields.js';
import { resourceName } from './name-printer.js';
import type { OutputFormat } from './output-format.js';
import { readTemplateFile } from './template-source.js';
import { toKubectlYamlSync } from './yaml-text.js';

/**
 * Prints the objects of a get in a non-table format. A list is fed item by item and closed
 * with end() (json, yaml, name and custom-columns stream; jsonpath and templates see the whole
 * List, as kubectl gives it to them); single() prints one object as itself (get NAME, and each
 * watch event).
 */
export interface ObjectPrinter {
  /** One item of a list. */
  item(object: object): void;
  /** Closes the list (prints the List or the buffered rows). */
  end(): void;
  /** One object on its own (custom-columns rows wait for flush()). */
  single(object: object): void;
  /** Writes rows held back for alignment (kubectl flushes after each batch of a watch). */
  flush(): void;
}

/** The flags that shape non-table output. */
export interface ObjectPrinterOptions {
  noHeaders?: boolean;
  showManagedFields?: boolean;
  allowMissingTemplateKeys?: boolean;
  /** The go-template error dump's raw data, when not sorted-key JSON (typed objects). */
  rawJson?: (value: unknown) => string;
}

type NonTableFormat = Exclude<OutputFormat, { kind: 'table' }>;
type Write = (text: string) => void;

/** kubectl's List around the items of a get. */
export function listOf(items: object[]): object {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

/** A `--output-watch-events` event as watch hands it over: `{type, object}`. */
function isWatchEvent(object: object): object is { type: string; object: object } {
  const keys = Object.keys(object);
  return keys.length === 2 && 'type' in object && 'object' in object;
}

function jsonOrYamlPrinter(
  kind: 'json' | 'yaml',
  write: Write,
  showManaged: boolean,
): ObjectPrinter {
  const shown = <T>(object: T): T => (showManaged ? object : withoutManagedFields(object));
  const list = new ListWriter(kind, write);
  let printed = 0;
  return {
    item: (object) => list.item(shown(object)),
    end: () => list.end(),
    flush: () => undefined,
    single: (object) => {
      if (kind === 'json') {
        if (isWatchEvent(object))
          write(`{"type":${toGoJson(object.type)},"object":${toGoJson(object.object)}}\n`);
        else write(toKubectlJson(shown(object)));
        return;
      }
      if (printed++ > 0) write('---\n');
      write(toKubectlYamlSync(isWatchEvent(object) ? object : shown(object)));
    },
  };
}

function namePrinter(write: Write): ObjectPrinter {
  const line = (object: object): void => write(`${resourceName(object)}\n`);
  return { item: line, single: line, end: () => undefined, flush: () => undefined };
}

function bufferedPrinter(render: (value: object) => void): ObjectPrinter {
  const items: object[] = [];
  return {
    item: (object) => void items.push(object),
    end: () => render(listOf(items)),
    single: (object) => render(object),
    flush: () => undefined,
  };
}

function customColumnsPrinter(
  columns: CustomColumn[],
  write: Write,
  noHeaders: boolean,
): ObjectPrinter {
  const rows = new CustomColumnsWriter(columns, write, noHeaders);
  return {
    item: (object) => rows.printItem(object),
    end: () => {
      rows.printHeader();
      rows.finish();
    },
    single: (object) => rows.printItem(object),
    flush: () => rows.finish(),
  };
}

function columnsOf(format: Extract<NonTableFormat, { kind: 'custom-columns' }>): CustomColumn[] {
  if (!format.fromFile) return parseCustomColumns(format.spec);
  return parseCustomColumnsFile(readTemplateFile(format.spec, 'template'));
}

/**
 * The printer for a parsed -o value. Template files are read and templates parsed here, so
 * errors (kubectl's words) come before anything is printed.
 */
export function newObjectPrinter(
  format: NonTableFormat,
  write: Write,
  options: ObjectPrinterOptions = {},
): ObjectPrinter {
  const allowMissing = options.allowMissingTemplateKeys ?? true;
  switch (format.kind) {
    case 'json':
    case 'yaml':
      return jsonOrYamlPrinter(format.kind, write, options.showManagedFields === true);
    case 'name':
      return namePrinter(write);
    case 'custom-columns':
      // kubectl ignores --no-headers with custom-columns-file.
      return customColumnsPrinter(
        columnsOf(format),
        write,
        !format.fromFile && options.noHeaders === true,
      );
    case 'jsonpath': {
      const text = format.fromFile
        ? readTemplateFile(format.template, '--template')
        : format.template;
      const path = compileJsonPath(text);
      return bufferedPrinter((value) =>
        write(
          renderJsonPath(path, value, { allowMissingKeys: allowMissing, asJson: format.asJson }),
        ),
      );
    }
    case 'go-template': {
      const text = format.fromFile
        ? readTemplateFile(format.template, '--template')
        : format.template;
      const template = compileGoTemplate(text);
      return bufferedPrinter((value) =>
        printGoTemplate(template, value, write, allowMissing, options.rawJson),
      );
    }
  }
}
