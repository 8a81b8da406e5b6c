/**
 * `ktl edit`: the objects go through kubectl's edit loop (runtime/edit); each changed object is
 * sent as kubectl's visitToPatch does (a strategic merge patch for built-in types, a JSON merge
 * patch for others), and printed with the print flags (`edited`, or -o json|yaml|name|template).
 */
import type { FetchedInfo } from '../../resources/builder/index.js';
import { selectInfos } from '../../resources/builder/index.js';
import { PlainError } from '../../errors/errors.js';
import { toGoJson } from '../../printers/json-text.js';
import { withoutManagedFields } from '../../printers/managed-fields.js';
import type { JsonObject } from '../../resources/patch/json-value.js';
import { deepEqual } from '../../resources/patch/json-value.js';
import { modifiedConfiguration } from '../../resources/patch/last-applied.js';
import { objectPath } from '../../resources/resource-ref.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { Factory } from '../../runtime/factory.js';
import type { EditPrinter } from '../../runtime/edit/edit-printer.js';
import { editPrinter } from '../../runtime/edit/edit-printer.js';
import { fieldValidationOf, parseValidate } from '../../runtime/mutation-flags.js';
import type { PrintFlagValues } from '../../runtime/template-output.js';
import { CHANGED_IDENTITY, editPatch } from '../../runtime/edit/edit-patch.js';
import type { EditTarget, SaveOutcome } from '../../runtime/edit/edit-loop.js';
import { causesOf, editInEditor, errorBlock, reportInvalid } from '../../runtime/edit/edit-loop.js';
import { editorFormat } from '../../runtime/edit/editor.js';

/** The flags of `ktl edit`. */
export interface EditFlags extends PrintFlagValues {
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  selector?: string;
  fieldManager: string;
  validate?: string | boolean;
  outputPatch?: boolean;
  saveConfig?: boolean;
  windowsLineEndings?: boolean;
}

/** Runs `ktl edit`. */
export async function runEdit(factory: Factory, args: string[], flags: EditFlags): Promise<void> {
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
  // kubectl's editor printer takes json or yaml only; it fails once the objects are read.
  const json = editorFormat(flags.output) === 'json';
  // kubectl makes the result printer after each patch: a bad template fails after the save.
  const printer = editPrinter(factory.streams.out, flags);
  await editInEditor(
    factory,
    targets.objects,
    { json, windowsLineEndings: flags.windowsLineEndings === true, header: 'object' },
    (pending, edited) => savePatches(factory, { flags, printer }, pending, edited),
  );
}

/** What every save of one `ktl edit` shares. */
interface PatchSettings {
  flags: EditFlags;
  printer: EditPrinter;
}

/** kubectl's visitToPatch over the edited objects; a refused object is edited again. */
async function savePatches(
  factory: Factory,
  settings: PatchSettings,
  pending: EditTarget[],
  objects: KubeObject[],
): Promise<SaveOutcome> {
  const outcome: SaveOutcome = { failed: [], errors: [] };
  for (const target of pending) {
    const edit =
      objects.find((o) => o.metadata?.name === target.name && o.kind === target.object.kind) ??
      (pending.length === 1 ? objects[0] : undefined);
    if (!edit) continue;
    let saved: { object: KubeObject; verb: string };
    try {
      saved = await saveOne(factory, settings.flags, target as FetchedInfo, edit);
    } catch (error) {
      if (error instanceof PlainError && error.message === CHANGED_IDENTITY) throw error;
      outcome.failed.push(target);
      outcome.errors.push(errorBlock(target, causesOf(error as Error)));
      reportInvalid(factory, target);
      continue;
    }
    // A printer error (a bad template) ends the edit, the object saved: kubectl's order.
    await settings.printer(target.mapping, saved.object, saved.verb);
  }
  return outcome;
}

/**
 * --save-config: kubectl annotates the edited object after putting the live managedFields back,
 * so the recorded configuration carries them; the annotation is then part of the patch.
 */
function withSavedConfig(target: FetchedInfo, edited: KubeObject): KubeObject {
  const managedFields = target.object.metadata?.managedFields;
  const metadata = { ...(edited.metadata ?? {}) };
  if (managedFields !== undefined) metadata.managedFields = managedFields;
  const { modified } = modifiedConfiguration({ ...edited, metadata } as JsonObject);
  return withoutManagedFields(modified as KubeObject);
}

/** Patches one object if it changed; returns what to print and with which verb. */
async function saveOne(
  factory: Factory,
  flags: EditFlags,
  target: FetchedInfo,
  editedObject: KubeObject,
): Promise<{ object: KubeObject; verb: string }> {
  const edited = flags.saveConfig ? withSavedConfig(target, editedObject) : editedObject;
  const original = withoutManagedFields(target.object) as JsonObject;
  if (deepEqual(original, edited)) return { object: target.object, verb: 'skipped' };
  const patch = await editPatch(factory.schemas(), target.mapping, original, edited as JsonObject);
  if (flags.outputPatch) factory.streams.out.write(`Patch: ${toGoJson(patch.body)}\n`);
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
  return { object: result, verb: 'edited' };
}
