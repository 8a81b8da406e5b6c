import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiStatusError, CliError, RaisedExitCode, SilentExit } from '../../errors/errors.js';
import { toKubectlYaml } from '../../printers/yaml-text.js';
import type { JsonObject } from '../../resources/patch/json-value.js';
import { objectPath } from '../../resources/resource-ref.js';
import type { ApplyContext } from '../../runtime/apply/apply-context.js';
import { applyClientSide } from '../../runtime/apply/apply-client-side.js';
import type { ApplyOptions } from '../../runtime/apply/apply-options.js';
import { applyServerSide } from '../../runtime/apply/apply-server-side.js';
import type { ManifestInfo } from '../../resources/builder/index.js';
import { ResourceBuilder } from '../../resources/builder/index.js';
import type { Factory } from '../../runtime/factory.js';
import { runDiffProgram } from './diff-program.js';
import { maskSecretData } from './mask-secrets.js';
import { diffFileName, PruneTracker, writePruned } from './prune.js';
import { parseAllowlist } from '../../runtime/apply/prune-resources.js';

/** What `ktl diff` was asked to do. */
export interface DiffOptions {
  filename: string[];
  kustomize?: string;
  recursive: boolean;
  serverSide: boolean;
  forceConflicts: boolean;
  fieldManager: string;
  showSecrets: boolean;
  showManagedFields: boolean;
  /** -l: only the manifest objects it matches (and, with --prune, the live ones to prune). */
  selector: string;
  /** --prune: also show the objects an apply --prune would delete. */
  prune: boolean;
  /** --prune-allowlist as given (group/version/kind); parsed only with --prune. */
  pruneAllowlist: string[];
  /** --concurrency: objects diffed at once. */
  concurrency: number;
}

/**
 * `ktl diff -f`: for each object, the live version and the result of a server-side dry-run
 * apply, written as YAML into LIVE-* and MERGED-* directories and compared with `diff -u -N`
 * (or KUBECTL_EXTERNAL_DIFF). Exit 0 = no differences, 1 = differences, >1 = error.
 */
export async function runDiff(factory: Factory, options: DiffOptions): Promise<void> {
  const live = await mkdtemp(join(tmpdir(), 'LIVE-'));
  const merged = await mkdtemp(join(tmpdir(), 'MERGED-'));
  try {
    // kubectl's Complete parses the allow-list (prune.ParseResources) only with --prune
    const allowlist =
      options.prune && options.pruneAllowlist.length > 0
        ? await parseAllowlist(await factory.restMapper(), options.pruneAllowlist)
        : undefined;
    const planned = await new ResourceBuilder(factory)
      .filenameParam(options)
      .labelSelectorParam(options.selector)
      .manifestInfos();
    const context = await applyContext(factory, options);
    const tracker = new PruneTracker();
    await eachAtOnce(planned, options.concurrency, async (entry) => {
      const liveObject = await writePair(entry, context, options, live, merged);
      if (entry.mapping) tracker.markVisited(entry.mapping, entry.namespace, liveObject);
    });
    if (options.prune) await writePruned(factory, allowlist, options.selector, tracker, live);
    const code = await runDiffProgram(
      factory.env,
      live,
      merged,
      factory.streams.out,
      factory.streams.err,
    );
    if (code !== 0) throw new SilentExit(code);
  } catch (error) {
    if (error instanceof SilentExit) throw error;
    // kubectl's own errors exit with one more than usual, so they never read as "differences".
    throw new RaisedExitCode(error, 1);
  } finally {
    await Promise.all([
      rm(live, { recursive: true, force: true }),
      rm(merged, { recursive: true, force: true }),
    ]);
  }
}

async function applyContext(factory: Factory, options: DiffOptions): Promise<ApplyContext> {
  const applyOptions: ApplyOptions = {
    filename: options.filename,
    recursive: options.recursive,
    dryRun: 'server',
    serverSide: options.serverSide,
    forceConflicts: options.forceConflicts,
    fieldManager: options.fieldManager,
    validate: 'strict',
    output: '',
    prune: false,
    selector: '',
    pruneAllowlist: [],
    all: false,
    overwrite: true,
  };
  return {
    client: await factory.client(),
    schemas: factory.schemas(),
    options: applyOptions,
    // the server's warnings about an object (located in its file); not kubectl's missing-
    // annotation warning, which diff never prints (annotate: false)
    warn: (text) => factory.streams.err.write(text),
    annotate: false,
  };
}

/**
 * Runs `work` over the items, up to `limit` at a time (kubectl's VisitorConcurrency); the
 * first failure ends the walk. The files written do not depend on the order.
 */
async function eachAtOnce<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** Writes the live and merged versions of one object; returns the live one (if any). */
async function writePair(
  entry: ManifestInfo,
  context: ApplyContext,
  options: DiffOptions,
  liveDir: string,
  mergedDir: string,
): Promise<JsonObject | undefined> {
  if (!entry.mapping) throw entry.mappingError ?? new CliError('no mapping');
  // Client-side, the patch carries the live object's resourceVersion (kubectl's lock), so the
  // merged object is computed from exactly the live one printed beside it.
  const serverSide = context.options.serverSide;
  const serverSideLive = serverSide ? await getLive(entry, context) : undefined;
  const outcome = serverSide
    ? await applyServerSide(entry, context)
    : await applyClientSide(entry, { ...context, lockToLive: true });
  const live = serverSide ? serverSideLive : outcome.live;
  const merged = outcome.operation === 'unchanged' && live ? structuredClone(live) : outcome.result;
  if (!options.showSecrets) maskSecretData(live, merged);
  const name = fileName(entry);
  if (live) await writeFile(join(liveDir, name), await toKubectlYaml(clean(live, options)));
  await writeFile(join(mergedDir, name), await toKubectlYaml(clean(merged, options)));
  return live;
}

async function getLive(
  entry: ManifestInfo,
  context: ApplyContext,
): Promise<JsonObject | undefined> {
  try {
    return await context.client.json<JsonObject>({
      path: objectPath(entry.mapping!, entry.name, entry.namespace),
    });
  } catch (error) {
    if (error instanceof ApiStatusError && error.isNotFound) return undefined;
    throw error;
  }
}

/** `[group.]version.Kind.namespace.name`, as kubectl names the files it compares. */
function fileName(entry: ManifestInfo): string {
  return diffFileName(entry.mapping!, entry.namespace, entry.name);
}

function clean(object: JsonObject, options: DiffOptions): JsonObject {
  if (options.showManagedFields) return object;
  const copy = structuredClone(object);
  const metadata = copy['metadata'];
  if (metadata && typeof metadata === 'object' && !Array.isArray(metadata))
    delete metadata['managedFields'];
  return copy;
}
