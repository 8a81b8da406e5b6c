import { parseGoDuration } from '../../config/duration.js';
import { PlainError, UsageError } from '../../errors/errors.js';
import type { Factory } from '../../runtime/factory.js';
import { mostActiveFirst } from '../../resources/pods/pod-order.js';
import { resolveObjectRef } from '../../resources/pods/object-ref.js';
import type { PodSearch, WorkloadObject } from '../../resources/pods/pod-for-object.js';
import { podForObject, podOfObject } from '../../resources/pods/pod-for-object.js';
import { ResourceBuilder } from '../../resources/builder/index.js';
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
  const filenames = opts.filename ?? [];
  // kubectl's Complete: the first argument names the object unless `--` comes first
  const target = args.length > 0 && argsLenAtDash !== 0 ? args[0] : undefined;
  if (target === undefined && filenames.length === 0)
    throw new PlainError('pod, type/name or --filename must be specified');
  if (argsLenAtDash < 0 && args.length > 1) {
    throw new UsageError(
      'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead',
      'ktl exec',
    );
  }
  const command = argsLenAtDash >= 0 ? args.slice(argsLenAtDash) : args.slice(1);
  if (command.length === 0)
    throw new PlainError('you must specify at least one command for the container');
  const timeoutMs = parseGoDuration(opts.podRunningTimeout) ?? 60_000;
  const search = { order: mostActiveFirst, timeoutMs, action: 'cannot attach to' };
  const { pod, namespace } =
    filenames.length > 0
      ? await podOfFile(factory, filenames, target, search)
      : await podOfArgument(factory, target ?? '', search);
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

async function podOfArgument(
  factory: Factory,
  target: string,
  search: PodSearch,
): Promise<{ pod: Pod; namespace: string }> {
  const { namespace } = await factory.namespace();
  const client = await factory.client();
  const { pod } = await podForObject(
    client,
    namespace,
    await resolveObjectRef(factory, target),
    search,
  );
  return { pod, namespace };
}

/**
 * `exec -f FILE`: the one object the files hold, as read (kubectl's builder without Latest):
 * a pod is exec'd into as the file names it, a workload through its selector's pods.
 */
async function podOfFile(
  factory: Factory,
  filenames: string[],
  target: string | undefined,
  search: PodSearch,
): Promise<{ pod: Pod; namespace: string }> {
  const infos = await new ResourceBuilder(factory)
    .filenameParam({ filename: filenames })
    .resourceNames('pods', target === undefined ? [] : [target])
    .local(true)
    .infos();
  if (infos.errors.length > 0) throw infos.errors[0];
  const [info] = infos.objects;
  if (!info || infos.objects.length > 1)
    throw new PlainError('cannot exec into multiple objects at a time');
  const client = await factory.client();
  const { pod } = await podOfObject(
    client,
    info.namespace,
    info.mapping,
    info.object as unknown as WorkloadObject,
    search,
  );
  return { pod, namespace: pod.metadata.namespace ?? info.namespace };
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
export type ExecOptions = StreamOptions & { filename?: string[] };
