/**
 * Sending a generated object and printing the outcome the way kubectl's create, run, expose
 * and autoscale do: the dry-run strategies, the fieldManager and dryRun query parameters, and
 * the `kind/name created (dry run)` / -o json|yaml|name printers.
 */
import { PlainError } from '../../errors/errors.js';
import { toKubectlJson, toTypedJson } from '../../printers/json-text.js';
import { toKubectlYaml } from '../../printers/yaml-text.js';
import type { KnownKind } from '../../resources/generators/known-kinds.js';
import { printedName, resourcePath } from '../../resources/generators/known-kinds.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { Factory } from '../../runtime/factory.js';
import type { GeneratorFlagValues } from './flags.js';

/** kubectl's dry-run strategies. */
export type DryRunStrategy = 'none' | 'client' | 'server';

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

/** cmdutil.GetDryRunStrategy, including the deprecated bare and boolean forms. */
export function dryRunStrategy(
  value: string | boolean | undefined,
  warn: (text: string) => void,
): DryRunStrategy {
  const text =
    value === true ? 'unchanged' : value === undefined || value === false ? 'none' : value;
  if (text === 'unchanged') {
    warn('W0000 --dry-run is deprecated and can be replaced with --dry-run=client.\n');
    return 'client';
  }
  if (text === 'client' || text === 'server' || text === 'none') return text;
  const bool = goParseBool(text);
  if (bool === undefined)
    throw new PlainError(`Invalid dry-run value (${text}). Must be "none", "server", or "client".`);
  warn(
    `W0000 --dry-run=${text} is deprecated (boolean value) and can be replaced with --dry-run=${bool ? 'client' : 'none'}.\n`,
  );
  return bool ? 'client' : 'none';
}

/** strconv.ParseBool. */
export function goParseBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/** Rejects -o values no printer handles, with kubectl's message. */
export function checkOutputFormat(output: string | undefined): void {
  if (
    output === undefined ||
    output === '' ||
    output === 'json' ||
    output === 'yaml' ||
    output === 'name'
  )
    return;
  checkPrintFlagsFormat(output);
  throw new PlainError(`output format "${output}" is not supported by ktl for this command yet`);
}

/** Rejects a -o value kubectl's PrintFlags have no printer for, with kubectl's message. */
export function checkPrintFlagsFormat(output: string): void {
  if (output !== '' && !OUTPUT_FORMATS.includes(output.split('=')[0] ?? ''))
    throw new PlainError(
      `unable to match a printer suitable for the output format "${output}", allowed formats are: ${OUTPUT_FORMATS.join(',')}`,
    );
}

/** What the printers need to know about the command. */
export interface PrintSettings {
  output?: string;
  dryRun: DryRunStrategy;
  /** The verb of the name printer: created, exposed, autoscaled. */
  verb: string;
  /** Print JSON with sorted keys (objects kubectl handles as unstructured). */
  sortJson?: boolean;
  showManagedFields?: boolean;
}

function withoutManagedFields(object: KubeObject): KubeObject {
  const metadata = object['metadata'] as KubeObject | undefined;
  if (!metadata || !('managedFields' in metadata)) return object;
  const copy = { ...metadata };
  delete copy['managedFields'];
  return { ...object, metadata: copy };
}

/** Prints an object as kubectl's printers would for these settings. */
export async function printObject(
  factory: Factory,
  object: KubeObject,
  kind: KnownKind,
  settings: PrintSettings,
): Promise<void> {
  const out = factory.streams.out;
  const shown = settings.showManagedFields ? object : withoutManagedFields(object);
  const name = String((object['metadata'] as KubeObject | undefined)?.['name'] ?? '');
  if (settings.output === 'json')
    out.write(settings.sortJson ? toKubectlJson(shown) : toTypedJson(shown));
  else if (settings.output === 'yaml') out.write(await toKubectlYaml(shown));
  else if (settings.output === 'name') out.write(`${printedName(kind.kind, kind.group, name)}\n`);
  else {
    const suffix =
      settings.dryRun === 'client'
        ? ' (dry run)'
        : settings.dryRun === 'server'
          ? ' (server dry run)'
          : '';
    out.write(`${printedName(kind.kind, kind.group, name)} ${settings.verb}${suffix}\n`);
  }
}

/** Where and how to send the object. */
export interface SendSettings {
  namespace: string;
  fieldManager: string;
  dryRun: DryRunStrategy;
  validate?: string | boolean;
}

/** The fieldValidation query value for --validate (cmdutil.GetValidationDirective). */
export function validationDirective(value: string | boolean | undefined): string {
  const text = value === undefined || value === true ? 'strict' : value === false ? 'false' : value;
  const lowered = text.toLowerCase();
  if (lowered === 'strict' || lowered === 'true') return 'Strict';
  if (lowered === 'warn') return 'Warn';
  if (lowered === 'ignore' || lowered === 'false') return 'Ignore';
  throw new PlainError(
    `invalid - validate option "${text}"; must be one of: strict (or true), warn, ignore (or false)`,
  );
}

/** POSTs the object (server dry-run adds dryRun=All) and returns what the server answered. */
export async function sendObject(
  factory: Factory,
  object: KubeObject,
  kind: KnownKind,
  settings: SendSettings,
): Promise<KubeObject> {
  const client = await factory.client();
  return client.json<KubeObject>({
    method: 'POST',
    path: resourcePath(kind, settings.namespace),
    body: JSON.stringify(object),
    contentType: 'application/json',
    query: {
      dryRun: settings.dryRun === 'server' ? 'All' : undefined,
      fieldManager: settings.fieldManager || undefined,
      fieldValidation:
        settings.validate === undefined ? undefined : validationDirective(settings.validate),
    },
  });
}

/** The common flag values, read once. */
export function commonSettings(
  factory: Factory,
  opts: GeneratorFlagValues,
  verb = 'created',
): { dryRun: DryRunStrategy; print: PrintSettings } {
  checkOutputFormat(opts.output);
  const dryRun = dryRunStrategy(opts.dryRun, (text) => factory.streams.err.write(text));
  const print: PrintSettings = { dryRun, verb, showManagedFields: opts.showManagedFields === true };
  if (opts.output !== undefined) print.output = opts.output;
  return { dryRun, print };
}
