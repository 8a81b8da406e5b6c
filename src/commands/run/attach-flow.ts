/**
 * What `kubectl run -i/--attach` does once the pod is created (run.go handleAttachPod and the
 * exit-code switch): wait for it to run, attach (or stream its logs when it already finished
 * or the attach fails), then with --restart=Never/OnFailure wait for it to finish and return
 * the container's exit code.
 */
import { PlainError } from '../../errors/errors.js';
import type { HttpClient } from '../../transport/http-client.js';
import { attachToContainer } from '../../runtime/attach-session.js';
import { defaultContainer } from '../../resources/pods/pod-types.js';
import type { Factory } from '../../runtime/factory.js';
import type { RunPod } from './wait-pod.js';
import {
  PodCompletedError,
  podCompleted,
  podRunningAndReady,
  podSucceeded,
  waitForPod,
} from './wait-pod.js';

/** The attach-related flags of `ktl run`. */
export interface RunAttachSettings {
  namespace: string;
  name: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  leaveStdinOpen: boolean;
  restartPolicy: string;
  timeoutMs: number;
}

/** Attaches to the created pod and returns when kubectl's run would (throwing its errors). */
export async function attachToRunPod(factory: Factory, settings: RunAttachSettings): Promise<void> {
  const client = await factory.client();
  await handleAttachPod(factory, client, settings);
  const waitForExit =
    !settings.leaveStdinOpen &&
    (settings.restartPolicy === 'Never' || settings.restartPolicy === 'OnFailure');
  if (!waitForExit) return;
  const condition = settings.restartPolicy === 'OnFailure' ? podSucceeded : podCompleted;
  const pod = await waitForPod(
    client,
    settings.namespace,
    settings.name,
    settings.timeoutMs,
    condition,
  );
  throwForExit(pod);
}

async function handleAttachPod(
  factory: Factory,
  client: HttpClient,
  settings: RunAttachSettings,
): Promise<void> {
  let pod: RunPod;
  try {
    pod = await waitForPod(
      client,
      settings.namespace,
      settings.name,
      settings.timeoutMs,
      podRunningAndReady,
    );
  } catch (error) {
    if (!(error instanceof PodCompletedError)) throw error;
    await streamLogs(factory, client, error.pod, settings.quiet);
    return;
  }
  const container = containerOf(factory, pod, settings.quiet);
  let failure: string | undefined;
  try {
    const outcome = await attachToContainer(factory, pod, {
      container,
      stdin: settings.stdin,
      tty: settings.tty,
      quiet: settings.quiet,
      commandName: 'ktl attach',
    });
    if (outcome.kind !== 'success') failure = outcome.message;
  } catch (error) {
    failure = (error as Error).message;
  }
  if (failure === undefined) return;
  factory.streams.err.write(
    `warning: couldn't attach to pod/${settings.name}, falling back to streaming logs: ${failure}\n`,
  );
  await streamLogs(factory, client, pod, settings.quiet);
}

function containerOf(factory: Factory, pod: RunPod, quiet: boolean): string {
  const note = quiet ? () => undefined : (line: string) => factory.streams.err.write(line);
  return defaultContainer(pod, note);
}

/** kubectl's logOpts: the container's whole log, once. */
async function streamLogs(
  factory: Factory,
  client: HttpClient,
  pod: RunPod,
  quiet: boolean,
): Promise<void> {
  const container = containerOf(factory, pod, quiet);
  const namespace = pod.metadata.namespace ?? '';
  const response = await client.stream({
    path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod.metadata.name)}/log`,
    query: { container },
  });
  for await (const chunk of response) factory.streams.out.write(chunk as Buffer);
}

/** The exit-code switch of kubectl run: nothing for Succeeded, the container's code for Failed. */
export function throwForExit(pod: RunPod): void {
  const phase = pod.status?.phase ?? '';
  const where = `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
  if (phase === 'Succeeded') return;
  if (phase !== 'Failed') throw new PlainError(`pod ${where} left in phase ${phase}`);
  const terminated = pod.status?.containerStatuses?.[0]?.state?.terminated;
  const code = terminated?.exitCode ?? 0;
  if (!terminated || code === 0) throw new PlainError(`pod ${where} failed with unknown exit code`);
  throw new PlainError(
    `pod ${where} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}`,
    code,
  );
}
