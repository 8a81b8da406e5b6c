import { parseGoDuration } from '../../config/duration.js';
import { PlainError, UsageError } from '../../errors/errors.js';
import { mostActiveFirst } from '../../resources/pods/pod-order.js';
import { resolveObjectRef } from '../../resources/pods/object-ref.js';
import { podForObject } from '../../resources/pods/pod-for-object.js';
import { defaultContainer, hasContainer } from '../../resources/pods/pod-types.js';
import { finishRemoteCommand } from '../../runtime/remote-command.js';
import type { Factory } from '../../runtime/factory.js';
import type { AttachablePod } from '../../runtime/attach-session.js';
import { attachToContainer } from '../../runtime/attach-session.js';
import type { StreamOptions } from '../../runtime/stream-flags.js';

/** `ktl attach POD`: streams the container's output (and stdin with -i). */
export async function runAttach(
  factory: Factory,
  target: string | undefined,
  opts: AttachOptions,
): Promise<void> {
  if (!target) {
    throw new UsageError(
      'expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 0: []',
      'ktl attach',
    );
  }
  const { namespace } = await factory.namespace();
  const client = await factory.client();
  const timeoutMs = parseGoDuration(opts.podRunningTimeout) ?? 60_000;
  const { pod } = await podForObject(client, namespace, await resolveObjectRef(factory, target), {
    order: mostActiveFirst,
    timeoutMs,
    action: 'cannot attach to',
  });
  const phase = pod.status?.phase ?? '';
  if (phase === 'Succeeded' || phase === 'Failed')
    throw new PlainError(`cannot attach a container in a completed pod; current phase is ${phase}`);
  const note = opts.quiet ? () => undefined : (line: string) => factory.streams.err.write(line);
  let container = opts.container ?? '';
  if (container !== '' && !hasContainer(pod, container))
    throw new PlainError(
      `cannot attach to the container: container ${container} not found in pod ${pod.metadata.name}`,
    );
  if (container === '') container = defaultContainer(pod, note);
  const outcome = await attachToContainer(factory, pod as AttachablePod, {
    container,
    stdin: opts.stdin === true,
    tty: opts.tty === true,
    quiet: opts.quiet === true,
    commandName: 'ktl attach',
  });
  finishRemoteCommand(outcome);
}

/** Options of `ktl attach`. */
export type AttachOptions = StreamOptions;
