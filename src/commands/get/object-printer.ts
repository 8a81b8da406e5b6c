import { PlainError } from '../../errors/errors.js';
import { newObjectPrinter } from '../../printers/object-printer.js';
import type { ObjectPrinter } from '../../printers/object-printer.js';
import { parseOutputFormat } from '../../printers/output-format.js';
import type { GetOptions } from './get-options.js';

/** The printer of get's -o (with --template, --no-headers, --show-managed-fields, ...). */
export function formatPrinterFor(
  options: GetOptions,
  write: (text: string) => void,
): ObjectPrinter {
  const format = parseOutputFormat(options.output, options.template || undefined);
  if (format.kind === 'table') throw new PlainError('table output has no object printer');
  return newObjectPrinter(format, write, {
    noHeaders: options.noHeaders,
    showManagedFields: options.showManagedFields,
    allowMissingTemplateKeys: options.allowMissingTemplateKeys,
  });
}

/**
 * Prints each object (or `--output-watch-events` event) of a watch on its own. As kubectl's
 * watch writes through one tabwriter flushed after the first list and after each event,
 * custom-columns rows of one batch are aligned together.
 */
export function watchPrinterFor(
  options: GetOptions,
  write: (text: string) => void,
): (object: object) => void {
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
  return (object) => {
    printer.single(object);
    flushSoon();
  };
}
