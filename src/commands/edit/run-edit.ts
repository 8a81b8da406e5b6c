/**
 * `ktl edit`: writes the objects (one, or a List) as YAML under kubectl's header, opens the
 * editor, and sends each changed object as kubectl does (edit-patch.ts). A failed save reopens the file
 * with the user's text kept and the errors as comments at the top; saving it unchanged then
 * gives up and keeps a copy. Nothing the user typed is lost.
 */
import type { FetchedInfo } from '../../resources/builder/index.js';
import { selectInfos } from '../../resources/builder/index.js';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiStatusError, PlainError } from '../../errors/errors.js';
import { formatError } from '../../errors/format-error.js';
import { toKubectlJson } from '../../printers/json-text.js';
import { withoutManagedFields } from '../../printers/managed-fields.js';
import { toKubectlYaml } from '../../printers/yaml-text.js';
import type { JsonObject } from '../../resources/patch/json-value.js';
import { deepEqual } from '../../resources/patch/json-value.js';
import { objectPath } from '../../resources/resource-ref.js';
import type { KubeObject } from '../../resources/kube-object.js';
import { loadYaml } from '../../util/load-yaml.js';
import type { Factory } from '../../runtime/factory.js';
import { ResultPrinter } from '../../runtime/result-printer.js';
import { fieldValidationOf } from '../../runtime/mutation-flags.js';
import { parseValidate } from '../../runtime/mutation-flags.js';
import type { SchemaSource } from '../../runtime/schema-source.js';
import { CHANGED_IDENTITY, editPatch } from './edit-patch.js';
import { editHeader, runEditor, stripComments } from './editor.js';

/** The flags of `ktl edit`. */
export interface EditFlags {
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  output?: string;
  selector?: string;
  fieldManager: string;
  validate?: string | boolean;
}

function groupResource(target: FetchedInfo): string {
  const { resource, group } = target.mapping;
  return group === '' ? resource : `${resource}.${group}`;
}

/** The comment block for a failed save of one object. */
export function errorBlock(target: FetchedInfo, causes: readonly string[]): string {
  return `# ${groupResource(target)} ${JSON.stringify(target.name)} was not valid:\n${causes.map((c) => `# * ${c}\n`).join('')}#\n`;
}

function causesOf(error: Error): string[] {
  if (error instanceof ApiStatusError) {
    const causes = error.status.details?.causes ?? [];
    if (causes.length > 0)
      return causes.map((c) => (c.field ? `${c.field}: ${c.message ?? ''}` : (c.message ?? '')));
  }
  return [error.message];
}

async function serialize(objects: KubeObject[], json: boolean): Promise<string> {
  const shown = objects.map((o) => withoutManagedFields(o));
  const value =
    shown.length === 1 ? shown[0] : { apiVersion: 'v1', items: shown, kind: 'List', metadata: {} };
  return json ? toKubectlJson(value) : toKubectlYaml(value);
}

async function parseEdited(text: string): Promise<KubeObject[]> {
  const body = stripComments(text);
  if (body.trim() === '') throw new Error('invalid object to validate');
  const yaml = await loadYaml();
  const value = yaml.parse(body) as KubeObject & { items?: KubeObject[] };
  if (value === null || typeof value !== 'object') throw new Error('invalid object to validate');
  return value.kind === 'List' && Array.isArray(value.items) ? value.items : [value];
}

/** Runs `ktl edit`. */
export async function runEdit(factory: Factory, args: string[], flags: EditFlags): Promise<void> {
  const json = flags.output === 'json';
  if (flags.output && !['json', 'yaml'].includes(flags.output))
    throw new PlainError("the flag 'output' must be one of yaml|json");
  parseValidate(flags.validate);
  const typeOnly = args.length === 1 && !(args[0] ?? '').includes('/');
  const targets = await selectInfos(factory, args, {
    filename: flags.filename,
    kustomize: flags.kustomize,
    recursive: flags.recursive,
    selector: flags.selector,
    all: typeOnly && !flags.selector,
  });
  if (targets.errors.length > 0) throw targets.errors[0] as Error;
  if (targets.objects.length === 0) throw new PlainError('edit cancelled, no objects found');
  const dir = await mkdtemp(join(tmpdir(), 'ktl-edit-'));
  const file = join(dir, `edit.${json ? 'json' : 'yaml'}`);
  // Removed once the edit is done or cancelled; kept when an error may have named it.
  await editUntilSaved(factory, flags, targets.objects, json, file);
  await rm(dir, { recursive: true, force: true });
}

async function editUntilSaved(
  factory: Factory,
  flags: EditFlags,
  toEdit: FetchedInfo[],
  json: boolean,
  file: string,
): Promise<void> {
  let pending = toEdit;
  let body = await serialize(
    pending.map((t) => t.object),
    json,
  );
  const original = editHeader([]) + body;
  let errors: string[] = [];
  const printer = new ResultPrinter(factory.streams.out, undefined);
  const schemas = factory.schemas();
  for (;;) {
    const shown = editHeader(errors) + body;
    await writeFile(file, shown);
    await runEditor(factory.env, file);
    const edited = await readFile(file, 'utf8');
    if (errors.length > 0 && stripComments(edited) === stripComments(shown)) {
      factory.streams.err.write(
        `A copy of your changes has been stored to ${JSON.stringify(file)}\n`,
      );
      throw new PlainError('Edit cancelled, no valid changes were saved.');
    }
    if (stripComments(edited) === stripComments(original)) {
      factory.streams.err.write('Edit cancelled, no changes made.\n');
      return;
    }
    body = stripComments(edited).replace(/^\n+/, '');
    errors = [];
    let objects: KubeObject[];
    try {
      objects = await parseEdited(edited);
    } catch (error) {
      const first = pending[0] as FetchedInfo;
      errors = [
        errorBlock(first, [
          `<nil>: Invalid value: "The edited file failed validation": ${firstLine(error)}`,
        ]),
      ];
      reportInvalid(factory, first);
      continue;
    }
    const failed: FetchedInfo[] = [];
    for (const target of pending) {
      const edit =
        objects.find((o) => o.metadata?.name === target.name && o.kind === target.object.kind) ??
        (pending.length === 1 ? objects[0] : undefined);
      if (!edit) continue;
      try {
        await saveOne(factory, { target, edited: edit, schemas }, flags, printer);
      } catch (error) {
        if (error instanceof PlainError && error.message === CHANGED_IDENTITY) {
          factory.streams.err.write(
            `A copy of your changes has been stored to ${JSON.stringify(file)}\n`,
          );
          throw error;
        }
        failed.push(target);
        errors.push(errorBlock(target, causesOf(error as Error)));
        reportInvalid(factory, target);
      }
    }
    if (failed.length === 0) return;
    pending = failed;
  }
}

/** One object to save: as fetched, as edited, and where its patch metadata comes from. */
interface EditedObject {
  target: FetchedInfo;
  edited: KubeObject;
  schemas: SchemaSource;
}

async function saveOne(
  factory: Factory,
  { target, edited, schemas }: EditedObject,
  flags: EditFlags,
  printer: ResultPrinter,
): Promise<void> {
  const original = withoutManagedFields(target.object) as JsonObject;
  if (deepEqual(original, edited)) {
    await printer.print(target.mapping, target.object, 'skipped');
    return;
  }
  const patch = await editPatch(schemas, target.mapping, original, edited as JsonObject);
  const client = await factory.client();
  const result = await client.json<KubeObject>({
    method: 'PATCH',
    path: objectPath(target.mapping, target.name, target.namespace),
    contentType: patch.contentType,
    body: JSON.stringify(patch.body),
    query: {
      fieldManager: flags.fieldManager || undefined,
      fieldValidation: fieldValidationOf(parseValidate(flags.validate)),
    },
  });
  await printer.print(target.mapping, result, 'edited');
}

function firstLine(error: unknown): string {
  return ((error as Error).message.split('\n')[0] ?? '').trim();
}

/** kubectl's line for an edit the server refused; the editor opens again with the causes. */
function reportInvalid(factory: Factory, target: FetchedInfo): void {
  const error = new PlainError(
    `${groupResource(target)} ${JSON.stringify(target.name)} is invalid`,
  );
  factory.streams.err.write(formatError(error).text);
}
