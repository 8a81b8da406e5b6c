/**
 * `ktl label` and `ktl annotate`: fetch each object, apply the key updates to its labels or
 * annotations, and send what changed as a JSON merge patch (kubectl's label.go / annotate.go).
 */
import type { FetchedInfo, SelectOptions } from '../../resources/builder/index.js';
import {
  allWithFieldSelector,
  allWithSelector,
  hasFilenames,
  infosInOrder,
  labelResourcesRequired,
  selectInfos,
} from '../../resources/builder/index.js';
import { PlainError, failWithErrors } from '../../errors/errors.js';
import { toGoJson } from '../../printers/json-text.js';
import { objectPath } from '../../resources/resource-ref.js';
import type { KubeObject } from '../../resources/kube-object.js';
import { dryRunStrategy } from '../../runtime/mutation-flags.js';
import type { DryRunStrategy } from '../../runtime/mutation-flags.js';
import type { Factory } from '../../runtime/factory.js';
import type { KeyKind, KeyUpdates } from '../../resources/actions/key-updates.js';
import {
  applyUpdates,
  keysOf,
  mergePatchFor,
  OverwriteErrors,
  parseKeyUpdates,
} from '../../resources/actions/key-updates.js';
import { splitResourcesAndPairs } from './pairs.js';
import type { PrintFlagValues } from '../../runtime/template-output.js';
import { checkResultOutput, ResultPrinter } from '../../runtime/result-printer.js';

/** The flags label and annotate share. */
export interface LabelFlags extends SelectOptions, PrintFlagValues {
  /** --local: change the -f objects as read and print them; nothing is sent. */
  local?: boolean;
  overwrite?: boolean;
  list?: boolean;
  resourceVersion?: string;
  dryRun?: string | boolean;
  fieldManager?: string;
}

/** Which of the two commands runs. */
export type { KeyKind };
export { applyUpdates, mergePatchFor, OverwriteErrors };

/** Runs label or annotate over the arguments. */
export async function runLabel(
  factory: Factory,
  kind: KeyKind,
  args: string[],
  flags: LabelFlags,
): Promise<void> {
  const dryRun = dryRunStrategy(flags.dryRun, (text) => factory.streams.err.write(text));
  const { resources, pairs } = splitResourcesAndPairs(args, kind);
  const updates = parseKeyUpdates(kind, pairs);
  if (flags.all && flags.selector) throw allWithSelector();
  if (flags.all && flags.fieldSelector) throw allWithFieldSelector();
  if (flags.local) checkLocal(kind, resources, flags, dryRun);
  else if (resources.length === 0 && !hasFilenames(flags)) throw labelResourcesRequired();
  if (updates.set.size === 0 && updates.remove.length === 0 && !flags.list)
    throw new PlainError(`at least one ${kind} update is required`);
  if (kind === 'annotation') checkResultOutput(flags);
  const targets = flags.local
    ? await selectInfos(factory, [], { ...localInputs(flags), localOnly: true })
    : await selectInfos(factory, resources, flags);
  const errors: Error[] = [];
  // kubectl's label makes its printer after each patch: a bad -o fails each object, changed
  const printer = new ResultPrinter(factory.streams.out, flags, dryRun, kind === 'label');
  const singleNamed = flags.local
    ? singleFileImplied(targets.objects)
    : targets.objects.length + targets.errors.length === 1 && !flags.selector && !flags.all;
  for (const target of infosInOrder(targets)) {
    if (target instanceof Error) {
      errors.push(target);
      continue;
    }
    try {
      if (flags.list) listKeys(factory, kind, target, singleNamed);
      else await updateOne(factory, kind, target, updates, flags, dryRun, printer);
    } catch (error) {
      errors.push(error as Error);
    }
  }
  failWithErrors(errors);
}

/** kubectl's Validate for --local: no server dry run, no resource arguments, some -f/-k. */
function checkLocal(
  kind: KeyKind,
  resources: readonly string[],
  flags: LabelFlags,
  dryRun: DryRunStrategy,
): void {
  const example = kind === 'label' ? 'pod' : 'rsrc';
  if (dryRun === 'server')
    throw new PlainError(
      'cannot specify --local and --dry-run=server - did you mean --dry-run=client?',
    );
  if (resources.length > 0)
    throw new PlainError(
      `can only use local files by -f ${example}.yaml or --filename=${example}.json when --local=true is set`,
    );
  if (!hasFilenames(flags))
    throw new PlainError(
      `one or more files must be specified as -f ${example}.yaml or --filename=${example}.json`,
    );
}

/** Only -f, -k and -R count with --local (kubectl's local builder ignores selectors). */
function localInputs(flags: LabelFlags): SelectOptions {
  return {
    ...(flags.filename ? { filename: flags.filename } : {}),
    ...(flags.kustomize !== undefined ? { kustomize: flags.kustomize } : {}),
    ...(flags.recursive !== undefined ? { recursive: flags.recursive } : {}),
  };
}

/**
 * kubectl's singleItemImplied for objects read from files: all came from one regular file
 * (not stdin or a URL), as its path visitor decides whether --list prints headers.
 */
function singleFileImplied(objects: readonly FetchedInfo[]): boolean {
  const files = new Set(objects.map((o) => o.source?.file ?? ''));
  const [file] = files;
  return (
    files.size === 1 && file !== undefined && file !== '' && !/^(STDIN|https?:\/\/.*)$/.test(file)
  );
}

function listKeys(factory: Factory, kind: KeyKind, target: FetchedInfo, single: boolean): void {
  const out = factory.streams.out;
  const keys = keysOf(target.object, kind) ?? {};
  const indent = single ? '' : ' ';
  if (!single) {
    const group = target.mapping.group;
    const title = kind === 'label' ? 'labels' : 'annotations';
    out.write(`Listing ${title} for ${target.mapping.kind}.${group}/${target.name}:\n`);
  }
  for (const key of Object.keys(keys).sort()) out.write(`${indent}${key}=${keys[key] ?? ''}\n`);
}

async function updateOne(
  factory: Factory,
  kind: KeyKind,
  target: FetchedInfo,
  updates: KeyUpdates,
  flags: LabelFlags,
  dryRun: DryRunStrategy,
  printer: ResultPrinter,
): Promise<void> {
  const field = kind === 'label' ? 'labels' : 'annotations';
  const before = target.object;
  const current = keysOf(before, kind);
  const offline = dryRun === 'client' || flags.local === true;
  if (kind === 'label' && !offline) {
    for (const key of updates.remove)
      if (current?.[key] === undefined)
        factory.streams.out.write(`label ${JSON.stringify(key)} not found.\n`);
  }
  const next = applyUpdates(current, updates, kind, flags.overwrite === true);
  const metadata = { ...(before.metadata ?? {}), [field]: next };
  if (flags.resourceVersion) metadata.resourceVersion = flags.resourceVersion;
  const after: KubeObject = { ...before, metadata };
  let result = after;
  if (!offline) {
    const client = await factory.client();
    result = await client.json<KubeObject>({
      method: 'PATCH',
      path: objectPath(target.mapping, target.name, target.namespace),
      contentType: 'application/merge-patch+json',
      body: JSON.stringify(mergePatchFor(field, current, next, flags.resourceVersion)),
      query: {
        dryRun: dryRun === 'server' ? 'All' : undefined,
        fieldManager: flags.fieldManager || undefined,
      },
    });
  }
  await printer.print(
    target.mapping,
    result,
    kind === 'label' ? changeVerb(before, after, flags.overwrite === true) : 'annotated',
  );
}

/** kubectl's updateDataChangeMsg: labeled, unlabeled or not labeled. */
export function changeVerb(before: KubeObject, after: KubeObject, overwrite: boolean): string {
  const oldText = toGoJson(before);
  const newText = toGoJson(after);
  if (oldText === newText) return 'not labeled';
  if (!overwrite && newText.length < oldText.length) return 'unlabeled';
  return 'labeled';
}
