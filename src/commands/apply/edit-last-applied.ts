/**
 * `ktl apply edit-last-applied`: the last-applied-configuration annotations of objects opened in
 * the editor and written back, as kubectl's ApplyEditMode of EditOptions does it.
 */
import { Command } from 'commander';
import { AggregateCliError, PlainError } from '../../errors/errors.js';
import { namespaceMismatch, ResourceBuilder } from '../../resources/builder/index.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { JsonObject } from '../../resources/patch/json-value.js';
import { deepEqual } from '../../resources/patch/json-value.js';
import { goJsonEncode, LAST_APPLIED_ANNOTATION } from '../../resources/patch/last-applied.js';
import { objectPath } from '../../resources/resource-ref.js';
import { splitApiVersion } from '../../resources/validation/schema-types.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { withHelp } from '../../runtime/command-help.js';
import type { EditTarget, SaveOutcome } from '../../runtime/edit/edit-loop.js';
import { editInEditor } from '../../runtime/edit/edit-loop.js';
import { editorFormat } from '../../runtime/edit/editor.js';
import type { Factory } from '../../runtime/factory.js';
import { addFilenameFlagsWithHelp } from '../../runtime/filename-flags.js';
import { flagsWithGroup } from '../../runtime/group-flags.js';
import { fieldValidationOf, parseValidate, validateOption } from '../../runtime/mutation-flags.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import type { EditPrinter } from '../../runtime/edit/edit-printer.js';
import { editPrinter } from '../../runtime/edit/edit-printer.js';
import type { PrintFlagValues } from '../../runtime/template-output.js';

interface EditLastAppliedFlags extends PrintFlagValues {
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  fieldManager: string;
  validate?: string | boolean;
  windowsLineEndings?: boolean;
}

const HELP = {
  long: `Edit the latest last-applied-configuration annotations of resources from the default editor.

 The edit-last-applied command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows. You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.

 The default format is YAML. To edit in JSON, specify "-o json".

 The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.

 In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.`,
  example: `# Edit the last-applied-configuration annotations by type/name in YAML
ktl apply edit-last-applied deployment/nginx

# Edit the last-applied-configuration annotations by file in JSON
ktl apply edit-last-applied -f deploy.yaml -o json`,
  usage: '(RESOURCE/NAME | -f FILENAME)',
};

/** `ktl apply edit-last-applied`. */
export function newEditLastAppliedCommand(context: CommandContext): Command {
  const command = new Command('edit-last-applied')
    .description('Edit latest last-applied-configuration annotations of a resource/object')
    .argument('[args...]');
  addPrintFlags(command)
    .option(
      '--field-manager <name>',
      'Name of the manager used to track field ownership.',
      'kubectl-client-side-apply',
    )
    .addOption(validateOption())
    .option('--windows-line-endings', 'Defaults to the line ending native to your platform.');
  addFilenameFlagsWithHelp(
    command,
    'Filename, directory, or URL to files to use to edit the resource',
  );
  command.action(async (args: string[], _opts: object, invoked: Command) => {
    const flags = flagsWithGroup<EditLastAppliedFlags>(invoked);
    await runEditLastApplied(factoryFor(context, invoked), args, flags);
  });
  return withHelp(command, HELP);
}

async function runEditLastApplied(
  factory: Factory,
  args: string[],
  flags: EditLastAppliedFlags,
): Promise<void> {
  const validate = parseValidate(flags.validate);
  // The live objects (a bare TYPE means all of them), read before anything is shown.
  const infos = await new ResourceBuilder(factory)
    .filenameParam(flags)
    .resourceTypeOrNameArgs(args, true)
    .infos();
  const [firstError] = infos.errors;
  if (firstError)
    throw infos.errors.length === 1 ? firstError : new AggregateCliError(infos.errors);
  const targets: EditTarget[] = [];
  for (const info of infos.objects) {
    const text = info.object.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
    if (text) targets.push(await annotationTarget(factory, text));
  }
  if (targets.length === 0)
    throw new PlainError(
      'no last-applied-configuration annotation found on resources, to create the annotation, use command `ktl apply set-last-applied --create-annotation`',
    );
  const json = editorFormat(flags.output) === 'json';
  const printer = editPrinter(factory.streams.out, flags);
  const { namespace } = await factory.namespace();
  await editInEditor(
    factory,
    targets,
    { json, windowsLineEndings: flags.windowsLineEndings === true, header: 'last-applied' },
    (pending, edited) =>
      saveAnnotations(factory, { namespace, printer, flags, validate }, pending, edited),
  );
}

/** The configuration an annotation holds, mapped as kubectl's builder maps a stream. */
async function annotationTarget(factory: Factory, text: string): Promise<EditTarget> {
  const object = JSON.parse(text) as KubeObject;
  const mapping = await mappingOf(factory, object);
  return {
    mapping,
    name: object.metadata?.name ?? '',
    ...(object.metadata?.namespace ? { namespace: object.metadata.namespace } : {}),
    object,
  };
}

async function mappingOf(factory: Factory, object: KubeObject): Promise<EditTarget['mapping']> {
  const { group, version } = splitApiVersion(String(object.apiVersion ?? ''));
  const mapper = await factory.restMapper();
  return mapper.mappingForGVK({ group, version, kind: String(object.kind ?? '') });
}

/** What every save of one edit-last-applied shares. */
interface AnnotationSettings {
  namespace: string;
  printer: EditPrinter;
  flags: EditLastAppliedFlags;
  validate: ReturnType<typeof parseValidate>;
}

/**
 * kubectl's visitToApplyEditPatch: each edited configuration is compared with the first shown
 * one of the same uid (configurations rarely keep a uid, so usually the first one: kubectl's
 * quirk), and, if different, becomes the annotation of the object of its name in the command's
 * namespace. Errors end the edit.
 */
async function saveAnnotations(
  factory: Factory,
  settings: AnnotationSettings,
  pending: EditTarget[],
  edited: KubeObject[],
): Promise<SaveOutcome> {
  const checked: Array<{ object: KubeObject; mapping: EditTarget['mapping'] }> = [];
  for (const object of edited) {
    const mapping = await mappingOf(factory, object);
    checked.push({ object: requireNamespace(object, mapping, settings.namespace), mapping });
  }
  for (const { object, mapping } of checked) {
    const uid = object.metadata?.uid ?? '';
    const original = pending.find((t) => (t.object.metadata?.uid ?? '') === uid);
    if (!original) throw new PlainError(`no original object found for ${object.metadata?.name}`);
    if (deepEqual(original.object as JsonObject, object as JsonObject)) {
      await settings.printer(mapping, object, 'skipped');
      continue;
    }
    const client = await factory.client();
    const name = object.metadata?.name ?? '';
    await client.json({
      method: 'PATCH',
      path: objectPath(mapping, name, mapping.namespaced ? settings.namespace : undefined),
      contentType: 'application/merge-patch+json',
      body: JSON.stringify({
        metadata: { annotations: { [LAST_APPLIED_ANNOTATION]: goJsonEncode(object) } },
      }),
      query: {
        fieldManager: settings.flags.fieldManager || undefined,
        fieldValidation: fieldValidationOf(settings.validate),
      },
    });
    await settings.printer(mapping, object, 'edited');
  }
  return { failed: [], errors: [] };
}

/** resource.RequireNamespace: a namespaced object gets the command's namespace, or must have it. */
function requireNamespace(
  object: KubeObject,
  mapping: EditTarget['mapping'],
  namespace: string,
): KubeObject {
  if (!mapping.namespaced) return object;
  const own = object.metadata?.namespace ?? '';
  if (own === '') return { ...object, metadata: { ...(object.metadata ?? {}), namespace } };
  if (own !== namespace) throw namespaceMismatch(own, namespace);
  return object;
}
