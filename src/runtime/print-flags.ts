/**
 * kubectl's PrintFlags for the commands that print objects but no tables (create, run, expose,
 * autoscale, auth whoami, ...): -o and the template flags, and kubectl's error for a format no
 * printer handles. Kept free of heavy imports: this module is on the start-up path.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { PlainError } from '../errors/errors.js';
import { flagDefaults, stringDefault } from './command-help.js';

/** The -o formats of kubectl's PrintFlags (the commands that print objects but no tables). */
const OUTPUT_FORMATS = [
  'go-template',
  'go-template-file',
  'json',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'name',
  'template',
  'templatefile',
  'yaml',
];

/**
 * -o/--output and the printer flags kubectl adds with it. A default output (config view's
 * yaml) is only shown in the help: --template without -o still means go-template.
 */
export function addPrintFlags(command: Command, defaultOutput?: string): Command {
  command
    .option(
      '-o, --output <format>',
      'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
    )
    .option(
      '--template <template>',
      'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
    )
    .option(
      '--show-managed-fields',
      'If true, keep the managedFields when printing objects in JSON or YAML format.',
    )
    .addOption(
      new Option(
        '--allow-missing-template-keys [bool]',
        'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
      ).default(true),
    );
  if (defaultOutput !== undefined) flagDefaults(command, { output: stringDefault(defaultOutput) });
  return command;
}

/** Rejects a -o value kubectl's PrintFlags have no printer for, with kubectl's message. */
export function checkPrintFlagsFormat(output: string): void {
  if (output !== '' && !OUTPUT_FORMATS.includes(output.split('=')[0] ?? ''))
    throw new PlainError(
      `unable to match a printer suitable for the output format "${output}", allowed formats are: ${OUTPUT_FORMATS.join(',')}`,
    );
}
