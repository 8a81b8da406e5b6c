/**
 * `ktl drain`: cordon every node, then per node list its pods, run kubectl's filters, warn, and
 * evict (or delete) what may go; a node that cannot be drained is reported and the command
 * moves on to the next, failing at the end (kubectl's RunDrain).
 */
import { ApiStatusError, BareError } from '../../errors/errors.js';
import { podsForDeletion } from '../../resources/node/drain-filters.js';
import type { DaemonSetLookup, DrainPod } from '../../resources/node/drain-filters.js';
import { durationFlag, intFlag } from '../../runtime/flag-values.js';
import type { Factory } from '../../runtime/factory.js';
import { dryRunStrategy } from '../../runtime/mutation-flags.js';
import { removePods } from './evict.js';
import type { RemoveSettings } from './evict.js';
import { resolveNodes } from './node-targets.js';
import { checkCordonArgs, setUnschedulable } from './run-cordon.js';

export interface DrainFlags {
  selector?: string;
  dryRun?: string | boolean;
  force?: boolean;
  ignoreDaemonsets?: boolean;
  deleteEmptydirData?: boolean;
  gracePeriod: string;
  timeout: string;
  podSelector?: string;
  disableEviction?: boolean;
  skipWaitForDeleteTimeout: string;
  chunkSize: string;
}

type DryRun = ReturnType<typeof dryRunStrategy>;

function suffix(dryRun: DryRun): string {
  if (dryRun === 'client') return ' (dry run)';
  if (dryRun === 'server') return ' (server dry run)';
  return '';
}

/** kubectl's utilerrors.Aggregate message: one error as it is, several as `[a, b]`. */
function aggregateMessage(errors: readonly string[]): string {
  const messages = [...new Set(errors)];
  return messages.length === 1 ? (messages[0] ?? '') : `[${messages.join(', ')}]`;
}

/**
 * kubectl writes this line itself in the middle of the run (the node's failure does not stop the
 * command), so it is a progress line here rather than a thrown error.
 */
function reportNodeFailure(factory: Factory, node: string, message: string): void {
  factory.streams.err.write(
    `error: unable to drain node "${node}" due to error: ${message}, continuing command...\n`,
  );
}

function daemonSetLookup(factory: Factory): DaemonSetLookup {
  return async (namespace, name) => {
    const client = await factory.client();
    try {
      await client.json({
        path: `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/daemonsets/${encodeURIComponent(name)}`,
      });
      return 'found';
    } catch (error) {
      if (error instanceof ApiStatusError && error.isNotFound) return 'not-found';
      return { error: error instanceof Error ? error.message : String(error) };
    }
  };
}

/** Every pod on the node (and matching --pod-selector), read in chunks of --chunk-size. */
async function podsOnNode(
  factory: Factory,
  node: string,
  podSelector: string | undefined,
  chunkSize: number,
): Promise<DrainPod[]> {
  const client = await factory.client();
  const pods: DrainPod[] = [];
  let continueToken: string | undefined;
  do {
    const page = await client.json<{ items?: DrainPod[]; metadata?: { continue?: string } }>({
      path: '/api/v1/pods',
      query: {
        fieldSelector: `spec.nodeName=${node}`,
        labelSelector: podSelector === '' ? undefined : podSelector,
        limit: chunkSize > 0 ? chunkSize : undefined,
        continue: continueToken,
      },
    });
    pods.push(...(page.items ?? []));
    continueToken = page.metadata?.continue || undefined;
  } while (continueToken !== undefined);
  return pods;
}

interface DrainSettings {
  filters: Parameters<typeof podsForDeletion>[1];
  remove: RemoveSettings;
  dryRun: DryRun;
  podSelector: string | undefined;
  chunkSize: number;
}

/** Drains one node; resolves to its failures (kubectl's Aggregate), empty when it is drained. */
async function drainNode(
  factory: Factory,
  node: string,
  settings: DrainSettings,
): Promise<string[]> {
  const pods = await podsOnNode(factory, node, settings.podSelector, settings.chunkSize);
  const list = await podsForDeletion(pods, settings.filters, daemonSetLookup(factory));
  if (list.errors.length > 0) return list.errors;
  if (list.warnings !== '') factory.streams.err.write(`Warning: ${list.warnings}\n`);
  if (settings.dryRun === 'client') {
    for (const pod of list.remove) {
      const key = `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
      factory.streams.out.write(`evicting pod ${key} (dry run)\n`);
    }
    return [];
  }
  const failures = (await removePods(factory, list.remove, settings.remove)).map((e) => e.message);
  if (failures.length === 0) return [];
  const pending = await podsOnNode(factory, node, settings.podSelector, settings.chunkSize);
  const left = (await podsForDeletion(pending, settings.filters, daemonSetLookup(factory))).remove;
  const message = aggregateMessage(failures);
  if (left.length > 0) {
    factory.streams.err.write(
      `There are pending pods in node "${node}" when an error occurred: ${message}\n` +
        left.map((pod) => `pod/${pod.metadata?.name ?? ''}\n`).join(''),
    );
  }
  return failures;
}

function settingsFrom(factory: Factory, flags: DrainFlags, dryRun: DryRun): DrainSettings {
  const path = factory.commandPath;
  const skipWait = intFlag('--skip-wait-for-delete-timeout', flags.skipWaitForDeleteTimeout, path);
  return {
    filters: {
      force: flags.force === true,
      ignoreDaemonSets: flags.ignoreDaemonsets === true,
      deleteEmptyDirData: flags.deleteEmptydirData === true,
      skipWaitForDeleteTimeout: skipWait,
    },
    remove: {
      gracePeriod: intFlag('--grace-period', flags.gracePeriod, path),
      timeoutMs: durationFlag('--timeout', flags.timeout, path),
      skipWaitForDeleteTimeout: skipWait,
      disableEviction: flags.disableEviction === true,
      serverDryRun: dryRun === 'server',
    },
    dryRun,
    podSelector: flags.podSelector,
    chunkSize: intFlag('--chunk-size', flags.chunkSize, path),
  };
}

export async function runDrain(factory: Factory, args: string[], flags: DrainFlags): Promise<void> {
  checkCordonArgs('drain', args, flags.selector, factory.commandPath);
  const dryRun = dryRunStrategy(flags.dryRun, (text) => factory.streams.err.write(text));
  const settings = settingsFrom(factory, flags, dryRun);
  const targets = await resolveNodes(factory, args, flags.selector);
  for (const target of targets) {
    const outcome = await setUnschedulable(factory, target, true, dryRun);
    const what = outcome === 'already' ? 'already cordoned' : 'cordoned';
    factory.streams.out.write(
      `node/${target.node.metadata?.name ?? ''} ${what}${suffix(dryRun)}\n`,
    );
  }
  const pending: string[] = [];
  const fatal: string[] = [];
  for (const target of targets) {
    const node = target.node.metadata?.name ?? '';
    const failures = await drainNode(factory, node, settings);
    if (failures.length === 0) {
      factory.streams.out.write(`node/${node} drained${suffix(dryRun)}\n`);
      continue;
    }
    reportNodeFailure(factory, node, aggregateMessage(failures));
    pending.push(node);
    fatal.push(...failures);
  }
  if (pending.length === 0) return;
  factory.streams.err.write(
    `There are pending nodes to be drained:\n${pending.map((n) => ` ${n}\n`).join('')}`,
  );
  // kubectl's CheckErr flattens the nodes' aggregates and prints each failure bare on its line
  throw new BareError([...new Set(fatal)].join('\n'));
}
