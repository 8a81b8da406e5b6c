/** The benchmark's scenarios: the same arguments given to ktl and to kubectl. */
import { APPLY_DIR, APPLY_FRESH_DIR, prepareApplyDir } from './apply-dir.js';
import { KUSTOMIZE_TOP, prepareKustomizeTree } from './kustomize-tree.js';
import { waitForPodMetrics } from './pod-metrics.js';
import { SHORT_NAMESPACE, SHORT_POD, ensureShortPod } from './short-pod.js';

export type Tool = 'ktl' | 'kubectl';

export interface Scenario {
  name: string;
  args: string[];
  /** Empty the discovery cache before every run. */
  coldCache?: boolean;
  /** Needs the bench namespace filled with pods first. */
  needsPods?: boolean;
  /** Also count HTTP requests (with -v=6). */
  countRequests?: boolean;
  prepare?: (kubectl: string, env: NodeJS.ProcessEnv) => void;
  /** Talks to no server: the bench need not start the cluster for it. */
  offline?: boolean;
  /** Variables set for ktl only (as a shell completion script sets them). */
  ktlEnv?: Record<string, string>;
  /**
   * An everyday short command (issue 20): measured without NODE_EXTRA_CA_CERTS, with it, and
   * over the delayed network (see netns.ts).
   */
  short?: boolean;
}

/** What the completion scripts do: NODE_EXTRA_CA_CERTS moved aside (see transport/deferred-ca.ts). */
const asCompletionScriptsStartIt = {
  NODE_EXTRA_CA_CERTS: '',
  KTL_NODE_EXTRA_CA_CERTS: process.env['NODE_EXTRA_CA_CERTS'] ?? '',
};

export const BENCH_NAMESPACE = 'ktl-bench';

export const scenarios: Scenario[] = [
  { name: 'version --client', args: ['version', '--client'], short: true },
  { name: 'config current-context', args: ['config', 'current-context'], short: true },
  {
    name: 'get --raw /version',
    args: ['get', '--raw', '/version'],
    countRequests: true,
    short: true,
  },
  {
    name: 'get pods (warm cache)',
    args: ['get', 'pods', '-n', SHORT_NAMESPACE],
    countRequests: true,
    short: true,
    prepare: ensureShortPod,
  },
  {
    name: 'get pods (cold cache)',
    args: ['get', 'pods', '-n', SHORT_NAMESPACE],
    coldCache: true,
    countRequests: true,
    short: true,
    prepare: ensureShortPod,
  },
  {
    name: 'describe pod (one object)',
    args: ['describe', 'pod', SHORT_POD, '-n', SHORT_NAMESPACE],
    countRequests: true,
    short: true,
    prepare: ensureShortPod,
  },
  {
    name: 'get pod -o yaml (one object)',
    args: ['get', 'pod', SHORT_POD, '-n', SHORT_NAMESPACE, '-o', 'yaml'],
    countRequests: true,
    short: true,
    prepare: ensureShortPod,
  },
  {
    name: 'logs (short pod)',
    args: ['logs', SHORT_POD, '-n', SHORT_NAMESPACE],
    countRequests: true,
    short: true,
    prepare: ensureShortPod,
  },
  { name: 'get pods -A (bench pods)', args: ['get', 'pods', '-A'], needsPods: true },
  {
    name: 'get pods -A -o json (bench pods)',
    args: ['get', 'pods', '-A', '-o', 'json'],
    needsPods: true,
  },
  {
    name: 'top pod -A (bench pods)',
    args: ['top', 'pod', '-A'],
    needsPods: true,
    countRequests: true,
    prepare: waitForPodMetrics,
  },
  { name: '__complete get po ""', args: ['__complete', 'get', 'po', ''] },
  { name: '__complete get pods ""', args: ['__complete', 'get', 'pods', ''] },
  {
    name: '__complete get po "" (env as the shell scripts set it)',
    args: ['__complete', 'get', 'po', ''],
    ktlEnv: asCompletionScriptsStartIt,
  },
  {
    name: '__complete get pods "" (env as the shell scripts set it)',
    args: ['__complete', 'get', 'pods', ''],
    ktlEnv: asCompletionScriptsStartIt,
  },
];

// apply -f of a directory of 200 objects. The framework has no per-run reset, so the first
// apply is measured as a server dry run into an empty namespace (the same GET and POST per
// object as a real first apply); the re-apply changes nothing (GET per object, no writes).
scenarios.push(
  {
    name: 'apply -f dir of 200 (first apply, server dry run)',
    args: ['apply', '-f', APPLY_FRESH_DIR, '--dry-run=server'],
    prepare: prepareApplyDir,
  },
  {
    name: 'apply -f dir of 200 (no change)',
    args: ['apply', '-f', APPLY_DIR],
    prepare: prepareApplyDir,
  },
);

// kustomize build of a three-overlay tree of ~70 objects with five large CRDs (no server).
scenarios.push({
  name: 'kustomize (3 overlays, 70 objects, 5 large CRDs)',
  args: ['kustomize', KUSTOMIZE_TOP],
  prepare: prepareKustomizeTree,
  offline: true,
});
