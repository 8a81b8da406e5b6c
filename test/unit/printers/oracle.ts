/** Access to kubectl's recorded output (test/fixtures/recorded/kubectl-oracle). */
import { readFileSync } from 'node:fs';

/** One kubectl invocation and what it printed. */
export interface OracleRun {
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
}

type KubeObject = Record<string, unknown> & { metadata: { name: string } };

/** A recorded case: the fake server's content and kubectl's runs against it. */
export interface OracleCase {
  kubectlVersion: string;
  store: {
    objects: Record<string, KubeObject[]>;
    tables: Record<string, { columnDefinitions: unknown[]; rows: unknown[] }>;
  };
  runs: OracleRun[];
}

/** Loads <name>.json. */
export function loadOracle(name: string): OracleCase {
  const url = new URL(`../../fixtures/recorded/kubectl-oracle/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as OracleCase;
}

const RESOURCE_ALIASES: Record<string, string> = {
  pod: 'pods',
  pods: 'pods',
  configmap: 'configmaps',
  configmaps: 'configmaps',
  node: 'nodes',
  nodes: 'nodes',
  service: 'services',
  services: 'services',
};

/** The value of `-o` in a run's arguments. */
export function outputFlag(args: readonly string[]): string | undefined {
  const at = args.indexOf('-o');
  return at >= 0 ? args[at + 1] : undefined;
}

/** The objects a `get` run addressed and whether kubectl printed a single object. */
export function objectsOf(testCase: OracleCase, args: readonly string[]) {
  const positional: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '-o' || arg === '-L') i++;
    else if (!arg.startsWith('-')) positional.push(arg);
  }
  const [types = '', ...names] = positional;
  const resources = types.split(',').map((t) => RESOURCE_ALIASES[t] ?? t);
  const all = resources.flatMap((r) => testCase.store.objects[r] ?? []);
  if (names.length === 0) return { objects: all, single: false };
  const picked = names.map((n) => all.find((o) => o.metadata.name === n) as KubeObject);
  return { objects: picked, single: picked.length === 1 };
}

/** What kubectl hands to template printers: the object itself, or a v1 List of them. */
export function printedValue(testCase: OracleCase, args: readonly string[]): unknown {
  const { objects, single } = objectsOf(testCase, args);
  if (single) return objects[0];
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}
