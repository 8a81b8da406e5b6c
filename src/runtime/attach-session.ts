/**
 * One attach to a container of a pod, as kubectl's AttachOptions.Run does it once the pod is
 * known: TTY negotiation with the container, the session notices, the WebSocket stream, and the
 * reattach hint. Shared by `ktl attach` and `ktl run -i/--attach`.
 */
import { PlainError } from '../errors/errors.js';
import { formatError } from '../errors/format-error.js';
import type { RemoteCommandOutcome } from '../transport/stream-protocol.js';
import type { Pod, PodContainer } from '../resources/pods/pod-types.js';
import { streamQuery, streamRemoteCommand, useTty } from './remote-command.js';
import type { Factory } from './factory.js';

/** The fields of a Pod that attach reads beyond the shared Pod type. */
export type AttachablePod = Pod & {
  spec: Pod['spec'] & {
    restartPolicy?: string;
    containers: Array<PodContainer & { tty?: boolean }>;
  };
};

/** How to attach. */
export interface AttachSettings {
  container: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  /** `ktl attach`, for the reattach hint. */
  commandName: string;
}

/** Attaches and returns how the stream ended (connection failures are thrown). */
export async function attachToContainer(
  factory: Factory,
  pod: AttachablePod,
  settings: AttachSettings,
): Promise<RemoteCommandOutcome> {
  const err = factory.streams.err;
  const containerTty = containerAllocatesTty(pod, settings.container);
  let wantTty = settings.tty;
  if (wantTty && !containerTty) {
    wantTty = false;
    if (!settings.quiet)
      // kubectl prints this as an error and goes on without a TTY.
      err.write(
        formatError(
          new PlainError(
            `Unable to use a TTY - container ${settings.container} did not allocate one`,
          ),
        ).text,
      );
  } else if (!wantTty && containerTty) wantTty = true;
  const raw = useTty(factory, settings.stdin, { tty: wantTty, quiet: settings.quiet });
  if (!settings.quiet) {
    err.write(
      'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n',
    );
    err.write("If you don't see a command prompt, try pressing enter.\n");
  }
  const namespace = pod.metadata.namespace ?? '';
  const outcome = await streamRemoteCommand(factory, {
    path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod.metadata.name)}/attach`,
    query: streamQuery(settings.stdin, raw, settings.container),
    stdin: settings.stdin,
    tty: raw,
  });
  if (outcome.kind === 'success' && !settings.quiet && settings.stdin && raw) {
    if (pod.spec.restartPolicy === 'Always')
      factory.streams.out.write(
        `Session ended, resume using '${settings.commandName} ${pod.metadata.name} -c ${settings.container} -i -t' command when the pod is running\n`,
      );
  }
  return outcome;
}

function containerAllocatesTty(pod: AttachablePod, name: string): boolean {
  const all = [
    ...pod.spec.containers,
    ...((pod.spec.initContainers ?? []) as Array<PodContainer & { tty?: boolean }>),
    ...((pod.spec.ephemeralContainers ?? []) as Array<PodContainer & { tty?: boolean }>),
  ];
  return all.find((c) => c.name === name)?.tty === true;
}
