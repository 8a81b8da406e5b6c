/**
 * Sending a generated object and printing the outcome the way kubectl's create, run, expose
 * and autoscale do: the dry-run strategies, the fieldManager and dryRun query parameters, and
 * the `kind/name created (dry run)` / -o json|yaml|name printers.
 */
import { toKubectlJson, toTypedJson } from '../printers/json-text.js';
import { goJson } from '../util/go-json.js';
import { toKubectlYaml } from '../printers/yaml-text.js';
import type { KnownKind } from '../resources/generators/known-kinds.js';
import { printedName, resourcePath } from '../resources/generators/known-kinds.js';
import type { KubeObject } from '../resources/kube-object.js';
import type { Factory } from './factory.js';
import type { DryRunStrategy, GeneratorFlagValues } from './mutation-flags.js';
import { dryRunStrategy, dryRunSuffix, validationDirective } from './mutation-flags.js';
import type { PrintFlagValues } from './template-output.js';
import { effectiveOutput, templatePrinter } from './template-output.js';

/** What the printers need to know about the command. */
export interface PrintSettings {
  output?: string;
  dryRun: DryRunStrategy;
  /** The verb of the name printer: created, exposed, autoscaled. */
  verb: string;
  /** Print JSON with sorted keys (objects kubectl handles as unstructured). */
  sortJson?: boolean;
  showManagedFields?: boolean;
  /** --template and --allow-missing-template-keys, for the template formats. */
  template?: string;
  allowMissingTemplateKeys?: boolean | string;
  /** Templates see managedFields (create token's typed TokenRequest; the generators hide them). */
  templateSeesManagedFields?: boolean;
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
  const template = templatePrinter(
    settings,
    (text) => out.write(text),
    settings.sortJson ? undefined : (value) => goJson(value),
  );
  if (template)
    template.single(settings.templateSeesManagedFields ? object : withoutManagedFields(object));
  else if (settings.output === 'json')
    out.write(settings.sortJson ? toKubectlJson(shown) : toTypedJson(shown));
  else if (settings.output === 'yaml') out.write(await toKubectlYaml(shown));
  else if (settings.output === 'name') out.write(`${printedName(kind.kind, kind.group, name)}\n`);
  else {
    const suffix = dryRunSuffix(settings.dryRun);
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
  const printFlags: PrintFlagValues = {
    output: effectiveOutput(opts),
    ...(opts.template !== undefined ? { template: opts.template } : {}),
    ...(opts.allowMissingTemplateKeys !== undefined
      ? { allowMissingTemplateKeys: opts.allowMissingTemplateKeys }
      : {}),
  };
  // kubectl's ToPrinter fails on a bad -o or template before anything is sent
  templatePrinter(printFlags, () => undefined);
  const dryRun = dryRunStrategy(opts.dryRun, (text) => factory.streams.err.write(text));
  const print: PrintSettings = {
    dryRun,
    verb,
    showManagedFields: opts.showManagedFields === true,
    ...printFlags,
  };
  return { dryRun, print };
}
