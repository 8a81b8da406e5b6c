import { BareError, PlainError } from '../../errors/errors.js';
import { toKubectlJson } from '../../printers/json-text.js';
import { toKubectlYaml } from '../../printers/yaml-text.js';
import { templatePrinter } from '../../runtime/template-output.js';
import { goJson, sortKeysDeep } from '../../util/go-json.js';
import { withoutManagedFields } from '../../printers/managed-fields.js';
import type { JsonObject } from '../../resources/patch/json-value.js';
import type { Factory } from '../../runtime/factory.js';
import type { ApplyContext, ApplyOutcome } from '../../runtime/apply/apply-context.js';
import { applyClientSide } from '../../runtime/apply/apply-client-side.js';
import type { ApplyOptions } from '../../runtime/apply/apply-options.js';
import { dryRunSuffix } from '../../runtime/mutation-flags.js';
import { displayName, failureSummary, locatedError } from '../../runtime/apply/apply-report.js';
import { applyServerSide } from '../../runtime/apply/apply-server-side.js';
import { remapAfterCrds } from './crd-phase.js';
import type { ManifestInfo } from '../../resources/builder/index.js';
import { manifestInfos, metadataOf, ResourceBuilder } from '../../resources/builder/index.js';
import type { TaskOutcome } from './ordered-runner.js';
import { OrderedReporter, runGroups } from './ordered-runner.js';
import type { Visited } from './prune.js';
import { runPrune } from './prune.js';
import { checkSelectionFlags, resolvePruneMappings } from './prune-setup.js';
import { validateBeforeApply } from '../../runtime/apply/validate-step.js';
import { followRollouts, rolloutTargets } from './wait-rollout.js';

/** Objects applied at the same time (after namespaces and CRDs). */
const CONCURRENCY = 4;

/** `ktl apply -f ...`. */
export async function runApply(factory: Factory, options: ApplyOptions): Promise<void> {
  const allowlist = await checkSelectionFlags(factory, options);
  const manifests = await new ResourceBuilder(factory)
    .filenameParam(options)
    .labelSelectorParam(options.selector)
    .readManifests();
  if (manifests.length === 0) throw new PlainError('no objects passed to apply');
  for (const manifest of manifests) {
    if (metadataOf(manifest.object)['generateName'] && !metadataOf(manifest.object)['name'])
      throw new PlainError('cannot use generate name with apply');
  }
  const planned = await manifestInfos(factory, manifests);
  const schemas = factory.schemas();
  await validateBeforeApply(factory, planned, schemas, options.validate);
  const client = await factory.client();
  const err = factory.streams.err;
  const context: ApplyContext = { client, schemas, options, warn: (text) => err.write(text) };
  const printed: Array<{ entry: ManifestInfo; outcome: ApplyOutcome }> = [];
  const failed: ManifestInfo[] = [];
  const failures: string[] = [];
  const reporter = new OrderedReporter<ApplyOutcome>(planned.length, (index, outcome) => {
    const entry = planned[index]!;
    // One object's failure is the command's error; among several, each is reported as it happens.
    if (planned.length > 1 || outcome.value)
      report(factory, options, entry, outcome, printed, failed);
    else failures.push(`${locatedError(entry, outcome.error)}\n`);
  });
  const applyOne = (index: number): Promise<ApplyOutcome> => {
    const entry = planned[index]!;
    if (!entry.mapping) throw unmappedError(entry);
    return options.serverSide ? applyServerSide(entry, context) : applyClientSide(entry, context);
  };
  const interrupt = interruptOnSigint();
  try {
    await applyAll(factory, planned, applyOne, reporter, schemas, interrupt.signal);
  } finally {
    interrupt.release();
  }
  if (interrupt.signal.aborted) throw interruptedError(planned, reporter);
  await finish(factory, options, allowlist, planned, printed, failed, failures);
}

/** Namespaces and CRDs first, one at a time, then the rest a few at a time. */
async function applyAll(
  factory: Factory,
  planned: ManifestInfo[],
  applyOne: (index: number) => Promise<ApplyOutcome>,
  reporter: OrderedReporter<ApplyOutcome>,
  schemas: ReturnType<Factory['schemas']>,
  stop: AbortSignal,
): Promise<void> {
  const first = planned.filter((p) => isFoundation(p)).map((p) => [p.index]);
  await runGroups(first, 1, applyOne, reporter, stop);
  if (stop.aborted) return;
  const appliedCrds = planned.filter(
    (p) => p.mapping?.kind === 'CustomResourceDefinition' && reporter.outcome(p.index)?.value,
  );
  await remapAfterCrds(factory, planned, appliedCrds, schemas);
  await runGroups(
    groupByIdentity(planned.filter((p) => !isFoundation(p))),
    CONCURRENCY,
    applyOne,
    reporter,
    stop,
  );
}

/** After every object was sent: -o output, the failure summary, prune, --wait-rollout. */
async function finish(
  factory: Factory,
  options: ApplyOptions,
  allowlist: Awaited<ReturnType<typeof checkSelectionFlags>>,
  planned: ManifestInfo[],
  printed: Array<{ entry: ManifestInfo; outcome: ApplyOutcome }>,
  failed: ManifestInfo[],
  failures: string[],
): Promise<void> {
  await printObjects(factory, options, printed);
  if (failures.length > 0) throw new BareError(failures.join(''));
  if (failed.length > 0)
    throw new PlainError(
      failureSummary(
        printed.map((p) => p.entry),
        failed,
      ),
    );
  // kubectl returns before its post-processor (print, then prune) when any object failed, so
  // nothing is pruned after a partial apply; ktl does the same (the failure exit above).
  if (options.prune) {
    const mappings = await resolvePruneMappings(factory, allowlist);
    await runPrune(factory, options, mappings, await visitedBy(factory, planned, printed));
  }
  if (options.waitRollout && options.dryRun === 'none') {
    const applied = printed.map((p) => ({ ...p.entry, mapping: p.entry.mapping! }));
    await followRollouts(factory, rolloutTargets(applied), options.timeoutMs ?? 0);
  }
}

/**
 * Ctrl-C while objects are being sent: no further object starts, those in flight finish (a
 * request cut half-way would leave its object's state unknown), and the command then says
 * what was applied and what was not. A second Ctrl-C ends the process at once (the handler
 * is gone by then, so Node's default applies).
 */
function interruptOnSigint(): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  return { signal: controller.signal, release: () => process.removeListener('SIGINT', onSigint) };
}

/** kubectl's status for a command ended by SIGINT is 130 (128 + 2), as a shell reports it. */
function interruptedError(
  planned: ManifestInfo[],
  reporter: OrderedReporter<ApplyOutcome>,
): BareError {
  const applied = planned.filter((p) => reporter.outcome(p.index)?.value);
  const failed = planned.filter((p) => {
    const outcome = reporter.outcome(p.index);
    return outcome !== undefined && !outcome.value;
  });
  const notSent = planned.filter((p) => reporter.outcome(p.index) === undefined);
  const list = (entries: ManifestInfo[]): string =>
    entries.map((entry) => `  ${displayName(entry)}\n`).join('');
  let text = `Interrupted: ${applied.length} of ${planned.length} objects applied`;
  text += applied.length > 0 ? `:\n${list(applied)}` : '.\n';
  if (failed.length > 0) text += `failed:\n${list(failed)}`;
  if (notSent.length > 0) text += `not applied:\n${list(notSent)}`;
  return new BareError(text, 130);
}

/** The UIDs applied and the namespaces touched (with -n, that namespace first, as kubectl). */
async function visitedBy(
  factory: Factory,
  planned: ManifestInfo[],
  printed: Array<{ outcome: ApplyOutcome }>,
): Promise<Visited> {
  const namespaces = new Set<string>();
  const { namespace, explicit } = await factory.namespace();
  if (explicit) namespaces.add(namespace);
  for (const entry of planned) if (entry.mapping?.namespaced) namespaces.add(entry.namespace);
  const uids = new Set(printed.map((p) => String(metadataOf(p.outcome.result)['uid'] ?? '')));
  return { uids, namespaces: [...namespaces] };
}

/** kubectl's error for an object whose kind the server does not serve. */
function unmappedError(entry: ManifestInfo): PlainError {
  const cause = entry.mappingError?.message ?? 'no mapping';
  return new PlainError(
    `resource mapping not found for name: "${entry.name}" namespace: "${entry.namespace}" from "${entry.manifest.source.file}": ${cause}\nensure CRDs are installed first`,
  );
}

/** Namespaces and CRDs go first, one at a time, so the objects that need them find them. */
function isFoundation(entry: ManifestInfo): boolean {
  const kind = entry.mapping?.kind;
  return (
    (kind === 'Namespace' && entry.mapping?.group === '') ||
    (kind === 'CustomResourceDefinition' && entry.mapping?.group === 'apiextensions.k8s.io')
  );
}

/** Indexes grouped by the object they name, so repeats of an object stay in order. */
function groupByIdentity(entries: ManifestInfo[]): number[][] {
  const groups = new Map<string, number[]>();
  for (const entry of entries) {
    const key = `${entry.mapping?.group}/${entry.mapping?.resource ?? entry.object['kind']}/${entry.namespace}/${entry.name}`;
    const group = groups.get(key) ?? [];
    group.push(entry.index);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function report(
  factory: Factory,
  options: ApplyOptions,
  entry: ManifestInfo,
  outcome: TaskOutcome<ApplyOutcome>,
  printed: Array<{ entry: ManifestInfo; outcome: ApplyOutcome }>,
  failed: ManifestInfo[],
): void {
  if (outcome.error !== undefined || !outcome.value) {
    failed.push(entry);
    factory.streams.err.write(`${locatedError(entry, outcome.error)}\n`);
    return;
  }
  printed.push({ entry, outcome: outcome.value });
  if (options.output === 'name') factory.streams.out.write(`${displayName(entry)}\n`);
  else if (templateWithoutOutput(options))
    // kubectl: --template without -o makes each object's printer a go-template one
    templatePrinter(options.printFlags ?? {}, (text) => factory.streams.out.write(text))?.single(
      outcome.value.result,
    );
  else if (options.output === '')
    factory.streams.out.write(
      `${displayName(entry)} ${outcome.value.operation}${dryRunSuffix(options.dryRun)}\n`,
    );
}

/** --template given without -o: kubectl prints each object through it, and no List after. */
function templateWithoutOutput(options: ApplyOptions): boolean {
  return !options.printFlags?.output && Boolean(options.printFlags?.template);
}

/**
 * With -o (other than name): the one object, or a v1 List of them, after everything was
 * applied, as json, yaml or through the template.
 */
async function printObjects(
  factory: Factory,
  options: ApplyOptions,
  printed: Array<{ outcome: ApplyOutcome }>,
): Promise<void> {
  if (options.output === '' || options.output === 'name' || templateWithoutOutput(options)) return;
  if (printed.length === 0) return;
  const structured = options.output === 'yaml' || options.output === 'json';
  // json and yaml hide managedFields unless --show-managed-fields; templates see them
  const keep = !structured || options.printFlags?.showManagedFields === true;
  const objects = printed.map((p) =>
    keep ? p.outcome.result : withoutManagedFields(p.outcome.result),
  );
  const value: JsonObject =
    objects.length === 1
      ? objects[0]!
      : {
          apiVersion: 'v1',
          items: objects,
          kind: 'List',
          // kubectl's managedFields-hiding printer re-encodes the List (resourceVersion: "")
          metadata: keep ? {} : { resourceVersion: '' },
        };
  const write = (text: string): void => void factory.streams.out.write(text);
  if (options.output === 'json') write(toKubectlJson(value));
  else if (options.output === 'yaml') write(await toKubectlYaml(value));
  else if (objects.length === 1) templatePrinter(options.printFlags ?? {}, write)?.single(value);
  else {
    // the template sees kubectl's typed corev1.List: its fields in Go's order, empty metadata
    const list = { kind: 'List', apiVersion: 'v1', metadata: {}, items: objects };
    const rawJson = (): string =>
      `{"kind":"List","apiVersion":"v1","metadata":{},"items":[${objects.map((o) => goJson(sortKeysDeep(o))).join(',')}]}`;
    templatePrinter(options.printFlags ?? {}, write, rawJson)?.single(list);
  }
}
