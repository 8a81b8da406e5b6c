import { parseGoDuration } from '../../config/duration.js';
import { PlainError, UsageError } from '../../errors/errors.js';
import type { Factory } from '../../runtime/factory.js';
import { mostActiveFirst } from '../../resources/pods/pod-order.js';
import { resolveObjectRef } from '../../resources/pods/object-ref.js';
import { podForObject } from '../../resources/pods/pod-for-object.js';
import type { Pod } from '../../resources/pods/pod-types.js';
import { defaultContainer } from '../../resources/pods/pod-types.js';
import {
  finishRemoteCommand,
  streamQuery,
  streamRemoteCommand,
  useTty,
} from '../../runtime/remote-command.js';
import type { StreamOptions } from '../../runtime/stream-flags.js';

/** `ktl exec POD -- COMMAND...`: runs the command and passes its exit code through. */
export async function runExec(
  factory: Factory,
  args: string[],
  opts: ExecOptions,
  argsLenAtDash: number,
): Promise<void> {
  if (args.length === 0 || argsLenAtDash === 0)
    throw new PlainError('pod, type/name or --filename must be specified');
  const [target = ''] = args;
  if (argsLenAtDash < 0 && args.length > 1) {
    throw new UsageError(
      'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead',
      'ktl exec',
    );
  }
  const command = args.slice(1);
  if (command.length === 0)
    throw new PlainError('you must specify at least one command for the container');
  const timeoutMs = parseGoDuration(opts.podRunningTimeout) ?? 60_000;
  const { namespace } = await factory.namespace();
  const client = await factory.client();
  const ref = await resolveObjectRef(factory, target);
  const { pod } = await podForObject(client, namespace, ref, {
    order: mostActiveFirst,
    timeoutMs,
    action: 'cannot attach to',
  });
  const container = execContainer(factory, pod, opts);
  const stdin = opts.stdin === true;
  const tty = useTty(factory, stdin, opts);
  const query = streamQuery(stdin, tty, container);
  for (const word of command) query.append('command', word);
  const outcome = await streamRemoteCommand(factory, {
    path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod.metadata.name)}/exec`,
    query,
    stdin,
    tty,
  });
  finishRemoteCommand(outcome);
}

function execContainer(factory: Factory, pod: Pod, opts: ExecOptions): string {
  const phase = pod.status?.phase ?? '';
  if (phase === 'Succeeded' || phase === 'Failed') {
    throw new PlainError(
      `cannot exec into a container in a completed pod; current phase is ${phase}`,
    );
  }
  // kubectl leaves a named container to the server ("container x is not valid for pod y").
  if (opts.container) return opts.container;
  const note = opts.quiet ? () => undefined : (line: string) => factory.streams.err.write(line);
  return defaultContainer(pod, note);
}

/** Options of `ktl exec`. */
export type ExecOptions = StreamOptions;
