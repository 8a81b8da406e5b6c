/**
 * The template half of kubectl's PrintFlags (-o go-template|go-template-file|template|
 * templatefile|jsonpath|jsonpath-file|jsonpath-as-json, --template,
 * --allow-missing-template-keys) for the commands that print the objects they changed.
 */
import { PlainError } from '../errors/errors.js';
import type { ObjectPrinter } from '../printers/object-printer.js';
import { newObjectPrinter } from '../printers/object-printer.js';
import { parseOutputFormat } from '../printers/output-format.js';
import { boolFlag } from './flag-values.js';
import { checkPrintFlagsFormat } from './print-flags.js';

/** The values of the flags addPrintFlags adds. */
export interface PrintFlagValues {
  output?: string;
  template?: string;
  showManagedFields?: boolean;
  allowMissingTemplateKeys?: boolean | string;
}

/** json, yaml and name as PrintFlags reads them: in any case. */
const BUILTIN = new Set(['json', 'yaml', 'name']);

/**
 * The -o format these values name: kubectl's PrintFlags take `--template` without -o as
 * go-template; json, yaml and name in any case; '' is the command's own line.
 */
export function effectiveOutput(flags: PrintFlagValues): string {
  const output = flags.output ?? '';
  if (output === '' && flags.template) return 'go-template';
  return BUILTIN.has(output.toLowerCase()) ? output.toLowerCase() : output;
}

/**
 * The printer of a template format, or undefined for json, yaml, name and the command's own
 * line. Everything kubectl's ToPrinter checks fails here, before anything is sent: a format no
 * printer has, a template format without a template, a template file that cannot be read, a
 * template that does not parse.
 */
export function templatePrinter(
  flags: PrintFlagValues,
  write: (text: string) => void,
  rawJson?: (value: unknown) => string,
): ObjectPrinter | undefined {
  const output = effectiveOutput(flags);
  if (output === '' || BUILTIN.has(output)) return undefined;
  checkPrintFlagsFormat(output);
  const format = parseOutputFormat(output, flags.template);
  if (format.kind !== 'go-template' && format.kind !== 'jsonpath')
    throw new PlainError(`output format "${output}" has no template`);
  const allowMissingTemplateKeys = boolFlag(
    '--allow-missing-template-keys',
    flags.allowMissingTemplateKeys ?? true,
  );
  return newObjectPrinter(format, write, {
    allowMissingTemplateKeys,
    ...(rawJson ? { rawJson } : {}),
  });
}
