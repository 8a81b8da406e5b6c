/**
 * `ktl rollout status`: lists the object by name and watches it (kubectl's UntilWithSync),
 * printing the viewer's line on every event until the rollout is done, --watch=false, or
 * --timeout passes (`timed out waiting for the condition`).
 */
import { PlainError, failWithErrors } from '../../errors/errors.js';
import type { KubeObject } from '../../resources/kube-object.js';
import { untilDone } from '../../resources/wait-until.js';
import type { Factory } from '../../runtime/factory.js';
import type { FetchedInfo } from '../../resources/builder/index.js';
import { durationFlag, intFlag } from '../../runtime/flag-values.js';
import { rolloutTargets } from './targets.js';
import { statusViewerFor } from '../../resources/rollout/status-viewers.js';

/** The flags of `rollout status`. */
export interface StatusFlags {
  watch: boolean;
  timeout: string;
  revision: string;
  selector?: string;
}

/** Runs `ktl rollout status`. */
export async function runStatus(
  factory: Factory,
  args: string[],
  flags: StatusFlags,
): Promise<void> {
  const timeoutMs = durationFlag('--timeout', flags.timeout, factory.commandPath);
  const revision = intFlag('--revision', flags.revision, factory.commandPath);
  if (!Number.isInteger(revision) || revision < 0)
    throw new PlainError(`revision must be a positive integer: ${revision}`);
  const targets = await rolloutTargets(factory, args, flags);
  const errors = [...targets.errors];
  for (const target of targets.objects) {
    try {
      await watchRollout(factory, target, { watch: flags.watch, timeoutMs, revision });
    } catch (error) {
      errors.push(error as Error);
    }
  }
  failWithErrors(errors);
}

interface WatchSettings {
  watch: boolean;
  timeoutMs: number;
  revision: number;
}

async function watchRollout(
  factory: Factory,
  target: FetchedInfo,
  settings: WatchSettings,
): Promise<void> {
  const { kind, group } = target.mapping;
  const viewer = statusViewerFor(kind, group);
  if (!viewer)
    throw new PlainError(
      `no status viewer has been implemented for ${group === '' ? kind : `${kind}.${group}`}`,
    );
  const controller = new AbortController();
  let timedOut = false;
  const timer =
    settings.timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, settings.timeoutMs)
      : undefined;
  const out = factory.streams.out;
  const onObject = (object: KubeObject): boolean => {
    const status = viewer(object, settings.revision);
    out.write(status.message);
    return status.done || !settings.watch;
  };
  const client = await factory.client();
  try {
    await untilDone(
      client,
      { ref: target.mapping, name: target.name, namespace: target.namespace },
      {
        object: onObject,
        gone: (initial) => {
          if (initial)
            throw new PlainError(`${target.mapping.resource} "${target.name}" not found`);
          throw new PlainError('object has been deleted');
        },
      },
      controller.signal,
    );
  } finally {
    clearTimeout(timer);
  }
  if (timedOut) throw new PlainError('timed out waiting for the condition');
}
