import { PlainError } from '../../errors/errors.js';
import { newObjectPrinter } from '../../printers/object-printer.js';
import type { ObjectPrinter as FormatPrinter } from '../../printers/object-printer.js';
import { parseOutputFormat } from '../../printers/output-format.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { GetOptions } from './get-options.js';

/** Prints the objects of a watch: each event's object on its own. */
export interface ObjectPrinter {
  item(object: KubeObject, kindGroup: string): Promise<void>;
  single(object: KubeObject, kindGroup: string): Promise<void>;
  end(): Promise<void>;
}

/** The printer of get's -o (with --template, --no-headers, --show-managed-fields, ...). */
export function formatPrinterFor(
  options: GetOptions,
  write: (text: string) => void,
): FormatPrinter {
  const format = parseOutputFormat(options.output, options.template || undefined);
  if (format.kind === 'table') throw new PlainError('table output has no object printer');
  return newObjectPrinter(format, write, {
    noHeaders: options.noHeaders,
    showManagedFields: options.showManagedFields,
    allowMissingTemplateKeys: options.allowMissingTemplateKeys,
  });
}

/**
 * The printer watch uses. As kubectl's watch writes through one tabwriter flushed after the
 * first list and after each event, custom-columns rows of one batch are aligned together.
 */
export function objectPrinterFor(
  options: GetOptions,
  write: (text: string) => void,
): Promise<ObjectPrinter> {
  const printer = formatPrinterFor(options, write);
  let flushQueued = false;
  const flushSoon = (): void => {
    if (flushQueued) return;
    flushQueued = true;
    setImmediate(() => {
      flushQueued = false;
      printer.flush();
    });
  };
  return Promise.resolve({
    item: (object) => Promise.resolve(printer.item(object)),
    single: (object) => {
      printer.single(object);
      flushSoon();
      return Promise.resolve();
    },
    end: () => Promise.resolve(printer.end()),
  });
}
