import type { IncomingMessage } from 'node:http';
import { PlainError } from '../../errors/errors.js';
import { formatError } from '../../errors/format-error.js';
import type { HttpClient } from '../../transport/http-client.js';
import { colorAllowed } from '../../util/io-streams.js';
import { listPods } from '../../resources/pods/pod-for-object.js';
import type { Pod } from '../../resources/pods/pod-types.js';
import type { Factory } from '../../runtime/factory.js';
import { podHasStarted, watchStartedPods } from './follow-selector.js';
import type { LogsFlags } from './log-options.js';
import type { LogsPlan } from './log-options.js';
import { planLogs } from './log-options.js';
import { prefixText, streamLog } from './log-stream.js';
import type { LogTarget } from './log-targets.js';
import { resolveLogPods, targetsOf } from './log-targets.js';
import { PrefixColors } from './prefix-color.js';
import { EarlyLog } from './early-log.js';

/** Everything one run of `ktl logs` shares between its streams. */
interface LogsRun {
  factory: Factory;
  client: HttpClient;
  namespace: string;
  plan: LogsPlan;
  prefixFor: (target: LogTarget) => string;
}

/** `ktl logs`: prints (or follows) the logs of one or more containers. */
export async function runLogs(factory: Factory, args: string[], flags: LogsFlags): Promise<void> {
  const plan = planLogs(args, flags);
  const { namespace } = await factory.namespace();
  const client = await factory.client();
  const note = (line: string): void => void factory.streams.err.write(line);
  const colors = colorAllowed(factory.streams.out, factory.env) ? new PrefixColors() : undefined;
  const prefixFor = (target: LogTarget): string => {
    if (!plan.prefix) return '';
    const text = prefixText(target);
    return colors ? colors.paint(target.pod, text) : text;
  };
  const run: LogsRun = { factory, client, namespace, plan, prefixFor };
  if (plan.selector !== undefined && plan.follow) return followSelector(run);
  const early = earlyLogFor(client, namespace, plan);
  try {
    const pods = await resolveLogPods(factory, client, namespace, plan, note);
    if (plan.selector !== undefined && pods.length === 0) {
      note(`No resources found in ${namespace} namespace.\n`);
      return;
    }
    const targets = targetsOf(pods, namespace, plan, note);
    if (plan.follow && targets.length > 1) {
      checkConcurrency(targets.length, plan.maxLogRequests);
      await Promise.all(targets.map((target) => consume(run, target, plan.query)));
      return;
    }
    const [pod] = pods;
    for (const target of targets) {
      const opened = pod && early ? await early.take(pod, target) : undefined;
      await consume(run, target, plan.query, opened);
    }
  } finally {
    early?.discard();
  }
}

/**
 * `logs POD` without -f or --all-containers reads one container of a pod named as such: its
 * log is asked for with the pod (EarlyLog), saving a round trip when it is the one kubectl picks.
 */
function earlyLogFor(client: HttpClient, namespace: string, plan: LogsPlan): EarlyLog | undefined {
  const pod = plan.target;
  if (plan.selector !== undefined || plan.follow || plan.allContainers) return undefined;
  if (pod === undefined || pod === '' || pod.includes('/')) return undefined;
  return new EarlyLog(
    client,
    { namespace, pod, ...(plan.container !== undefined ? { container: plan.container } : {}) },
    plan.query,
  );
}

function checkConcurrency(streams: number, max: number): void {
  if (streams > max) {
    throw new PlainError(
      `you are attempting to follow ${streams} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`,
    );
  }
}

/** Reads one log; with --ignore-errors a failure becomes an `error:` line instead. */
async function consume(
  run: LogsRun,
  target: LogTarget,
  query: Record<string, string>,
  opened?: IncomingMessage,
) {
  const out = run.factory.streams.out;
  try {
    await streamLog(run.client, target, query, out, run.prefixFor(target), undefined, opened);
  } catch (error) {
    if (!run.plan.ignoreErrors) throw error;
    out.write(formatError(error).text);
  }
}

/**
 * `-l … -f`: follows the current pods (kubectl's max-log-requests check applies to them) and
 * keeps watching the selector, following each pod that starts later, until interrupted.
 */
async function followSelector(run: LogsRun): Promise<void> {
  const { client, namespace, plan, factory } = run;
  const selector = plan.selector ?? '';
  const note = (line: string): void => void factory.streams.err.write(line);
  const list = await listPods(client, namespace, selector);
  const started = list.items.filter(podHasStarted);
  const initial = targetsOf(started, namespace, plan, note);
  if (initial.length > 1) checkConcurrency(initial.length, plan.maxLogRequests);
  if (list.items.length === 0) note(`No resources found in ${namespace} namespace.\n`);
  const seen = new Set(started.map((pod) => pod.metadata.uid ?? pod.metadata.name));
  const controller = new AbortController();
  const failures: Promise<void>[] = [];
  let failed: unknown;
  const follow = (target: LogTarget, query: Record<string, string>): void => {
    failures.push(
      consume(run, target, query).catch((error: unknown) => {
        failed ??= error;
        controller.abort();
      }),
    );
  };
  for (const target of initial) follow(target, plan.query);
  const laterQuery = { ...plan.query };
  delete laterQuery['tailLines'];
  const onStarted = (pod: Pod): void => {
    const key = pod.metadata.uid ?? pod.metadata.name;
    if (seen.has(key)) return;
    seen.add(key);
    for (const target of targetsOf([pod], namespace, plan, note)) follow(target, laterQuery);
  };
  const version = list.metadata?.resourceVersion;
  await watchStartedPods(client, namespace, selector, version, onStarted, controller.signal);
  await Promise.all(failures);
  if (failed !== undefined) throw failed;
}
