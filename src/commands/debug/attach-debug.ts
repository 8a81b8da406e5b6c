/**
 * debug -i/--attach (kubectl's handleAttachPod for debug): wait, without a time limit, until the
 * debug container runs or has ended (saying why it waits when the kubelet gives a reason), then
 * attach to it; an ended container, or an attach that fails, gives its logs instead.
 */
import { ApiStatusError } from '../../errors/errors.js';
import type { KubeObject } from '../../resources/kube-object.js';
import { PODS_REF } from '../../resources/resource-ref.js';
import { untilDone } from '../../resources/wait-until.js';
import type { AttachablePod } from '../../runtime/attach-session.js';
import { attachToContainer } from '../../runtime/attach-session.js';
import type { Factory } from '../../runtime/factory.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { DebugTarget } from './visit.js';

interface ContainerState {
  running?: unknown;
  terminated?: unknown;
  waiting?: { message?: string };
}

interface ContainerStatus {
  name: string;
  state?: ContainerState;
}

type StatusPod = AttachablePod & {
  status?: {
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
    ephemeralContainerStatuses?: ContainerStatus[];
  };
};

/** How to attach. */
export interface DebugAttachSettings {
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
}

/** getContainerStatusByName: regular, init and ephemeral containers alike. */
function statusOf(pod: StatusPod, name: string): ContainerStatus | undefined {
  const status = pod.status;
  return [
    ...(status?.containerStatuses ?? []),
    ...(status?.initContainerStatuses ?? []),
    ...(status?.ephemeralContainerStatuses ?? []),
  ].find((s) => s.name === name);
}

/** The NotFound kubectl makes up when the pod is deleted while it waits (no name in it). */
function deletedWhileWaiting(): ApiStatusError {
  const status = { status: 'Failure', message: 'pods "" not found', reason: 'NotFound' };
  return new ApiStatusError({ ...status, details: { kind: 'pods' }, code: 404 }, 404);
}

/** waitForContainer: the pod once the container runs or has ended. */
async function waitForContainer(
  factory: Factory,
  client: HttpClient,
  target: { namespace: string; name: string; container: string },
  quiet: boolean,
): Promise<StatusPod> {
  let result: StatusPod | undefined;
  let failure: Error | undefined;
  const never = new AbortController();
  await untilDone(
    client,
    { ref: PODS_REF, name: target.name, namespace: target.namespace },
    {
      object: (object: KubeObject) => {
        const pod = object as unknown as StatusPod;
        const state = statusOf(pod, target.container)?.state;
        if (!state) return false;
        if (state.running || state.terminated) {
          result = pod;
          return true;
        }
        const message = state.waiting?.message;
        if (!quiet && message)
          factory.streams.err.write(`Warning: container ${target.container}: ${message}\n`);
        return false;
      },
      gone: (initial) => {
        if (initial) return false;
        failure = deletedWhileWaiting();
        return true;
      },
    },
    never.signal,
  );
  if (failure) throw failure;
  return result as StatusPod;
}

/** logOpts: the container's whole log, once. */
async function streamLogs(factory: Factory, client: HttpClient, pod: StatusPod, container: string) {
  const namespace = pod.metadata.namespace ?? '';
  const response = await client.stream({
    path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod.metadata.name)}/log`,
    query: { container },
  });
  for await (const chunk of response) factory.streams.out.write(chunk as Buffer);
}

/** Attaches to the debug container of the target, or streams its logs. */
export async function attachToDebugContainer(
  factory: Factory,
  target: DebugTarget,
  settings: DebugAttachSettings,
): Promise<void> {
  const client = await factory.client();
  const namespace = target.pod.metadata.namespace ?? '';
  const name = target.pod.metadata.name;
  const pod = await waitForContainer(
    factory,
    client,
    { namespace, name, container: target.container },
    settings.quiet,
  );
  if (statusOf(pod, target.container)?.state?.terminated) {
    await streamLogs(factory, client, pod, target.container);
    return;
  }
  let failure: string | undefined;
  try {
    const outcome = await attachToContainer(factory, pod, {
      container: target.container,
      ...settings,
      commandName: 'ktl attach',
    });
    if (outcome.kind !== 'success') failure = outcome.message;
  } catch (error) {
    failure = (error as Error).message;
  }
  if (failure === undefined) return;
  factory.streams.err.write(
    `warning: couldn't attach to pod/${name}, falling back to streaming logs: ${failure}\n`,
  );
  await streamLogs(factory, client, pod, target.container);
}
