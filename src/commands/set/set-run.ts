/**
 * What kubectl's set commands share (pkg/cmd/set/helper.go and each Run): the objects from the
 * builder (or only from -f with --local), each changed in place, the two-way strategic merge
 * patch from before to after, sent with fieldManager=kubectl-set unless the dry run is client's
 * or --local, and the result printed; failures are gathered and printed at the end.
 */
import { BareError, failWithErrors, MultipleErrors, PlainError } from '../../errors/errors.js';
import type { FetchedInfo, SelectOptions } from '../../resources/builder/index.js';
import { localResourceError, selectInfos } from '../../resources/builder/index.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { JsonObject } from '../../resources/patch/json-value.js';
import { cloneJson } from '../../resources/patch/json-value.js';
import { diffMaps } from '../../resources/patch/smp-diff.js';
import { objectPath } from '../../resources/resource-ref.js';
import type { Factory } from '../../runtime/factory.js';
import type { DryRunStrategy } from '../../runtime/mutation-flags.js';
import { dryRunStrategy } from '../../runtime/mutation-flags.js';
import { patchSchemaFor } from '../../runtime/patch-schema.js';
import { ResultPrinter } from '../../runtime/result-printer.js';
import type { PrintFlagValues } from '../../runtime/template-output.js';

/** The flags every set subcommand has. */
export interface SetFlags extends SelectOptions, PrintFlagValues {
  local?: boolean;
  dryRun?: string | boolean;
  fieldManager?: string;
}

/** One subcommand's part: how it changes an object and how kubectl words the outcome. */
export interface SetChange {
  /**
   * Changes the object in place; a thrown error is kubectl's `error: resource/name <msg>`.
   * False means nothing was changed (no patch, nothing printed), whatever the object holds.
   */
  mutate(object: KubeObject, info: FetchedInfo): boolean | void;
  /** The printed verb: `image updated`. */
  verb: string;
  /** What a failed PATCH is wrapped in: `failed to patch image update to pod template`. */
  failure: string;
  /** Between the failure and the server's message: kubectl's `: ` or (resources, sa) ` `. */
  failureSeparator?: string;
  /** Whether a change that makes no patch is still sent and printed (selector, serviceaccount). */
  sendEmptyPatch?: boolean;
  /** Only run the mutations (set env --list prints as it goes): nothing is sent or printed. */
  listOnly?: boolean;
  /** set selector's Run: failures are kept as they are (no `resource/name`, no wrapping). */
  plainErrors?: boolean;
}

/** kubectl's check of --local against --dry-run=server (each set command's Validate). */
export function localDryRunError(): PlainError {
  return new PlainError(
    'cannot specify --local and --dry-run=server - did you mean --dry-run=client?',
  );
}

/** The dry-run strategy of the flags (with kubectl's deprecation warnings). */
export function setDryRun(factory: Factory, flags: SetFlags): DryRunStrategy {
  return dryRunStrategy(flags.dryRun, (text) => factory.streams.err.write(text));
}

/**
 * The objects to change: with --local only those of -f/-k, as read (resource arguments are
 * kubectl's LocalResourceError); else the builder's, any failure ending the command first.
 */
export async function setTargets(
  factory: Factory,
  resources: readonly string[],
  flags: SetFlags,
): Promise<FetchedInfo[]> {
  if (flags.local && resources.length > 0) throw localResourceError();
  const infos = await selectInfos(factory, flags.local ? [] : resources, {
    ...flags,
    local: flags.local === true,
  });
  if (infos.errors.length > 0) throw new MultipleErrors(infos.errors);
  return infos.objects;
}

interface Planned {
  info: FetchedInfo;
  after?: KubeObject;
  patch?: JsonObject;
  error?: Error;
}

/**
 * Changes every object, then patches (or prints) each in turn. `problems` holds the errors a
 * mutation reported without failing its object (set image's unknown containers): kubectl
 * prints them before the per-object failures.
 */
export async function patchEach(
  factory: Factory,
  infos: readonly FetchedInfo[],
  flags: SetFlags,
  dryRun: DryRunStrategy,
  change: SetChange,
  problems: Error[] = [],
): Promise<void> {
  const planned: Planned[] = [];
  for (const info of infos) planned.push(await plan(factory, info, change));
  if (change.listOnly) return;
  const errors: Error[] = [...problems];
  const printer = new ResultPrinter(factory.streams.out, flags, dryRun);
  for (const { info, after, patch, error } of planned) {
    if (error || !after || !patch) {
      if (error) errors.push(error);
      continue;
    }
    if (Object.keys(patch).length === 0 && !change.sendEmptyPatch) continue;
    if (flags.local || dryRun === 'client') {
      await printer.print(info.mapping, after, change.verb);
      continue;
    }
    try {
      const client = await factory.client();
      const actual = await client.json<KubeObject>({
        method: 'PATCH',
        path: objectPath(info.mapping, info.name, info.namespace),
        contentType: 'application/strategic-merge-patch+json',
        body: JSON.stringify(patch),
        query: {
          dryRun: dryRun === 'server' ? 'All' : undefined,
          fieldManager: flags.fieldManager || undefined,
        },
      });
      await printer.print(info.mapping, actual, change.verb);
    } catch (error) {
      if (change.plainErrors) {
        errors.push(error as Error);
        continue;
      }
      const separator = change.failureSeparator ?? ': ';
      errors.push(new PlainError(`${change.failure}${separator}${(error as Error).message}`));
    }
  }
  failWithErrors(errors);
}

async function plan(factory: Factory, info: FetchedInfo, change: SetChange): Promise<Planned> {
  const after = cloneJson(info.object);
  try {
    if (change.mutate(after, info) === false) return { info };
  } catch (error) {
    if (change.plainErrors) return { info, error: new PlainError((error as Error).message) };
    const name = `${info.mapping.resource}/${info.name}`;
    return { info, error: new BareError(`error: ${name} ${(error as Error).message}\n`) };
  }
  const schema = await patchSchemaFor(factory.schemas(), info.mapping);
  const patch = diffMaps(info.object as JsonObject, after as JsonObject, schema, {
    setElementOrder: true,
  });
  return { info, after, patch };
}
