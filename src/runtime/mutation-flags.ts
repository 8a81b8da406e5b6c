/**
 * The flags of commands that write objects (kubectl's AddDryRunFlag, AddFieldManagerFlagVar,
 * AddApplyAnnotationFlags, AddValidateFlags) and their one parser each: --dry-run as
 * cmdutil.GetDryRunStrategy reads it (with its klog warnings), --validate as
 * GetValidationDirective does. Kept free of heavy imports: this module is on the start-up path.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { PlainError } from '../errors/errors.js';
import { klogLine } from '../util/klog.js';

/** kubectl's dry-run strategies. */
export type DryRunStrategy = 'none' | 'client' | 'server';

/** The --validate modes (true is strict, false is ignore). */
export type ValidateMode = 'strict' | 'warn' | 'ignore';

/** The options every generator command (create, run, expose, autoscale) reads. */
export interface GeneratorFlagValues {
  output?: string;
  dryRun?: string | boolean;
  fieldManager?: string;
  saveConfig?: boolean;
  validate?: string | boolean;
  template?: string;
  showManagedFields?: boolean;
  allowMissingTemplateKeys?: boolean | string;
}

const DRY_RUN_HELP =
  'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.';

const VALIDATE_HELP =
  'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.';

/** --dry-run as kubectl defines it (a bare --dry-run means the deprecated "unchanged"). */
export function dryRunOption(): Option {
  return new Option('--dry-run [strategy]', DRY_RUN_HELP).default('none');
}

/** --validate as kubectl defines it. */
export function validateOption(): Option {
  return new Option('--validate [mode]', VALIDATE_HELP).default('strict');
}

/** --dry-run, --field-manager, and (unless told otherwise) --save-config and --validate. */
export function addMutationFlags(command: Command, fieldManager: string, annotate = true): Command {
  command
    .addOption(dryRunOption())
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
      .addOption(validateOption());
  }
  return command;
}

/**
 * cmdutil.GetDryRunStrategy: client, server or none; the bare flag and Go bool spellings are
 * deprecated, and kubectl says so in a klog warning (its source line included).
 */
export function dryRunStrategy(
  value: string | boolean | undefined,
  warn: (text: string) => void,
): DryRunStrategy {
  const text =
    value === true ? 'unchanged' : value === undefined || value === false ? 'none' : value;
  const bool = goParseBool(text);
  if (bool === undefined) {
    if (text === 'unchanged') {
      warn(
        klogLine(
          'W',
          'helpers.go:731',
          '--dry-run is deprecated and can be replaced with --dry-run=client.',
        ),
      );
      return 'client';
    }
    if (text === 'client' || text === 'server' || text === 'none') return text;
    throw new PlainError(`Invalid dry-run value (${text}). Must be "none", "server", or "client".`);
  }
  const replacement = bool ? 'client' : 'none';
  warn(
    klogLine(
      'W',
      bool ? 'helpers.go:745' : 'helpers.go:748',
      `--dry-run=${text} is deprecated (boolean value) and can be replaced with --dry-run=${replacement}.`,
    ),
  );
  return replacement;
}

/** ` (dry run)` or ` (server dry run)`: what kubectl adds after the verb of an operation line. */
export function dryRunSuffix(dryRun: DryRunStrategy): string {
  if (dryRun === 'client') return ' (dry run)';
  if (dryRun === 'server') return ' (server dry run)';
  return '';
}

/** cmdutil.GetValidationDirective: the --validate mode, or kubectl's error. */
export function parseValidate(value: string | boolean | undefined): ValidateMode {
  const text = value === undefined || value === true ? 'strict' : value === false ? 'false' : value;
  const lowered = text.toLowerCase();
  if (lowered === 'strict' || lowered === 'true') return 'strict';
  if (lowered === 'warn') return 'warn';
  if (lowered === 'ignore' || lowered === 'false') return 'ignore';
  throw new PlainError(
    `invalid - validate option "${text}"; must be one of: strict (or true), warn, ignore (or false)`,
  );
}

/** The fieldValidation query value of a --validate mode. */
export function fieldValidationOf(validate: ValidateMode): 'Strict' | 'Warn' | 'Ignore' {
  return validate === 'strict' ? 'Strict' : validate === 'warn' ? 'Warn' : 'Ignore';
}

/** The fieldValidation query value for a --validate flag value. */
export function validationDirective(value: string | boolean | undefined): string {
  return fieldValidationOf(parseValidate(value));
}

/** strconv.ParseBool. */
function goParseBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}
