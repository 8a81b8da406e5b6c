/**
 * Flag definitions shared by create, run, expose and autoscale (kubectl's PrintFlags,
 * AddDryRunFlag, AddFieldManagerFlagVar, AddApplyAnnotationFlags, AddValidateFlags). Kept free
 * of heavy imports: this module is on the start-up path.
 */
import type { Command } from 'commander';
import { Option } from 'commander';

/** The options every generator command reads. */
export interface GeneratorFlagValues {
  output?: string;
  dryRun?: string | boolean;
  fieldManager?: string;
  saveConfig?: boolean;
  validate?: string | boolean;
  template?: string;
  showManagedFields?: boolean;
}

/** -o/--output and the printer flags kubectl adds with it. */
export function addPrintFlags(command: Command): Command {
  return command
    .option(
      '-o, --output <format>',
      'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
    )
    .option(
      '--template <template>',
      'Template string or path to template file to use when -o=go-template, -o=go-template-file.',
    )
    .option(
      '--show-managed-fields',
      'If true, keep the managedFields when printing objects in JSON or YAML format.',
    )
    .addOption(
      new Option(
        '--allow-missing-template-keys [bool]',
        'If true, ignore any errors in templates when a field or map key is missing in the template.',
      ).default(true),
    );
}

/** --dry-run, --field-manager, and (unless told otherwise) --save-config and --validate. */
export function addMutationFlags(command: Command, fieldManager: string, annotate = true): Command {
  command
    .addOption(
      new Option(
        '--dry-run [strategy]',
        'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
      ).default('none'),
    )
    .option(
      '--field-manager <name>',
      'Name of the manager used to track field ownership.',
      fieldManager,
    );
  if (annotate) {
    command
      .option(
        '--save-config',
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      )
      .addOption(
        new Option(
          '--validate [mode]',
          'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
        ).default('strict'),
      );
  }
  return command;
}

/** addPrintFlags plus addMutationFlags: what every `create` subcommand has. */
export function addCreateFlags(command: Command, fieldManager = 'kubectl-create'): Command {
  return addMutationFlags(addPrintFlags(command), fieldManager);
}
