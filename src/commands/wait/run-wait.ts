/**
 * `ktl wait`: for each object, watch until --for holds (condition, jsonpath, delete) or the
 * shared --timeout runs out; `create` polls until the objects exist. kubectl's messages.
 */
import type { FetchedInfo, Infos, SelectOptions } from '../../resources/builder/index.js';
import {
  hasFilenames,
  localResourceError,
  NoResourcesError,
  selectInfos,
  withTypeMeta,
} from '../../resources/builder/index.js';
import { ApiStatusError, PlainError, failWithErrors } from '../../errors/errors.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { Factory } from '../../runtime/factory.js';
import type { PrintFlagValues } from '../../runtime/template-output.js';
import { checkResultOutput, ResultPrinter } from '../../runtime/result-printer.js';
import type { WaitFor } from './conditions.js';
import { conditionMet, jsonPathMet, parseWaitFor } from './conditions.js';
import { durationFlag } from '../../runtime/flag-values.js';
import { deadline, untilDone } from '../../resources/wait-until.js';

/** The flags of `ktl wait`. */
export interface WaitFlags extends SelectOptions, PrintFlagValues {
  for: string;
  timeout: string;
  /** --local: the -f objects as read; only --for=create can hold without the server. */
  local?: boolean;
}

const WEEK_MS = 7 * 24 * 3600 * 1000;
/** Runs `ktl wait`. */
export async function runWait(factory: Factory, args: string[], flags: WaitFlags): Promise<void> {
  let timeoutMs = durationFlag('--timeout', flags.timeout, factory.commandPath);
  const waitFor = parseWaitFor(flags.for);
  if (timeoutMs < 0) timeoutMs = WEEK_MS;
  if (args.length === 0 && !hasFilenames(flags)) throw new NoResourcesError();
  checkResultOutput(flags);
  const started = Date.now();
  const targets = flags.local
    ? await localTargets(factory, args, flags, waitFor)
    : waitFor.kind === 'create'
      ? await waitForCreate(factory, args, flags, timeoutMs)
      : await selectInfos(factory, args, selectFlags(flags));
  const errors =
    waitFor.kind === 'delete'
      ? targets.errors.filter((e) => !(e instanceof ApiStatusError && e.isNotFound))
      : [...targets.errors];
  if (targets.objects.length === 0 && errors.length === 0 && waitFor.kind !== 'delete')
    throw new PlainError('no matching resources found');
  const printer = new ResultPrinter(factory.streams.out, flags);
  const remaining = (): number =>
    timeoutMs === 0 ? 0 : Math.max(1, timeoutMs - (Date.now() - started));
  for (const target of targets.objects) {
    try {
      const final =
        waitFor.kind === 'create'
          ? target.object
          : await waitOne(factory, target, waitFor, remaining());
      await printer.print(target.mapping, withTypeMeta(final, target.mapping), 'condition met');
    } catch (error) {
      errors.push(error as Error);
    }
  }
  failWithErrors(errors);
}

/**
 * --local (kubectl's ResourceBuilderFlags.WithLocal): resource arguments are refused; the -f
 * objects as read are "created" at once. kubectl 1.34 dereferences a nil mapping for every
 * other condition (a Go panic, exit 2); ktl says why instead.
 */
async function localTargets(
  factory: Factory,
  args: string[],
  flags: WaitFlags,
  waitFor: WaitFor,
): Promise<Infos> {
  if (args.length > 0) throw localResourceError();
  const targets = await selectInfos(factory, [], {
    ...(flags.filename ? { filename: flags.filename } : {}),
    ...(flags.kustomize !== undefined ? { kustomize: flags.kustomize } : {}),
    ...(flags.recursive !== undefined ? { recursive: flags.recursive } : {}),
    localOnly: true,
  });
  failWithErrors(targets.errors); // kubectl waits on none of them then (an object in another -n)
  if (waitFor.kind !== 'create' && targets.objects.length > 0)
    throw new PlainError(
      `--local can only wait for create: --for=${waitFor.kind} needs the objects on the server`,
    );
  return targets;
}

/** kubectl's wait accepts --all with -l (the selector decides). */
function selectFlags(flags: WaitFlags): SelectOptions {
  return flags.selector ? { ...flags, all: false } : flags;
}

async function waitForCreate(
  factory: Factory,
  args: string[],
  flags: WaitFlags,
  timeoutMs: number,
): Promise<Infos> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const targets = await selectInfos(factory, args, selectFlags(flags));
    const missing = targets.errors.some((e) => e instanceof ApiStatusError && e.isNotFound);
    if (!missing && targets.objects.length > 0) return targets;
    if (!missing && targets.errors.length > 0) return targets;
    if (Date.now() >= end) throw new PlainError('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function met(waitFor: WaitFor, object: KubeObject): boolean {
  if (waitFor.kind === 'condition') return conditionMet(object, waitFor.name, waitFor.value);
  if (waitFor.kind === 'jsonpath') return jsonPathMet(object, waitFor.path, waitFor.value);
  return false;
}

async function waitOne(
  factory: Factory,
  target: FetchedInfo,
  waitFor: WaitFor,
  timeoutMs: number,
): Promise<KubeObject> {
  const what = `${target.mapping.resource}/${target.name}`;
  if (timeoutMs === 0 && waitFor.kind !== 'delete') {
    if (met(waitFor, target.object)) return target.object;
    throw new PlainError(`condition not met for ${what}`);
  }
  const client = await factory.client();
  const uid = target.object.metadata?.uid;
  let final = target.object;
  const timer = deadline(timeoutMs);
  try {
    const done = await untilDone(
      client,
      { ref: target.mapping, name: target.name, namespace: target.namespace },
      {
        object: (object) => {
          if (waitFor.kind === 'delete') return object.metadata?.uid !== uid;
          final = object;
          return met(waitFor, object);
        },
        gone: () => waitFor.kind === 'delete',
      },
      timer.signal,
    );
    if (!done) throw new PlainError(`timed out waiting for the condition on ${what}`);
    return final;
  } finally {
    timer.clear();
  }
}
