/**
 * Side-by-side runs of set commands: each tool works on objects of its own (prefix zk- for
 * kubectl, zt- for ktl) made alike in one namespace; a step's text names them with OBJ.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../helpers/cluster.js';
import { kubectl, kubectlOk, ktl } from '../helpers/cluster.js';

export const PREFIXES = { kubectl: 'zk-', ktl: 'zt-' } as const;

/** The step's arguments for one tool: OBJ becomes its prefix. */
export function argsFor(step: readonly string[], prefix: string): string[] {
  return step.map((arg) => arg.replaceAll('OBJ', prefix));
}

/**
 * A result with the namespace written as NS (first: its random part can end in a prefix, as
 * 'ktl-set-rs-4436-mxdr0fzt-0' holds 'zt-'), the tool's prefix as OBJ and kubectl's name as ktl's.
 */
export function normal(result: RunResult, prefix: string, ns = ''): RunResult {
  const fix = (text: string): string =>
    (ns ? text.replaceAll(ns, 'NS') : text)
      .replaceAll(prefix, 'OBJ')
      .replaceAll('kubectl', 'ktl')
      .replace(/"resourceVersion": "\d+"/g, '"resourceVersion": "RV"');
  return { stdout: fix(result.stdout), stderr: fix(result.stderr), code: result.code };
}

/** Runs one step with both tools and returns both results, normalised. */
export async function bothTools(
  ns: string,
  step: readonly string[],
): Promise<{ ours: RunResult; theirs: RunResult }> {
  const theirs = normal(
    await kubectl(['-n', ns, ...argsFor(step, PREFIXES.kubectl)]),
    PREFIXES.kubectl,
    ns,
  );
  const ours = normal(await ktl(['-n', ns, ...argsFor(step, PREFIXES.ktl)]), PREFIXES.ktl, ns);
  return { ours, theirs };
}

/** Creates each tool's deployments d1 (nginx), d2 (busybox), service s1 and a d3 manifest in dir. */
export async function makeWorkloads(ns: string, dir: string): Promise<void> {
  for (const prefix of Object.values(PREFIXES)) {
    await kubectlOk(['-n', ns, 'create', 'deployment', `${prefix}d1`, '--image=nginx']);
    await kubectlOk(['-n', ns, 'create', 'deployment', `${prefix}d2`, '--image=busybox']);
    await kubectlOk(['-n', ns, 'create', 'service', 'clusterip', `${prefix}s1`, '--tcp=80']);
    const manifest = await kubectlOk([
      '-n',
      ns,
      'create',
      'deployment',
      `${prefix}d3`,
      '--image=nginx',
      '--dry-run=client',
      '-o',
      'yaml',
    ]);
    writeFileSync(join(dir, `${prefix}d3.yaml`), manifest);
  }
}

/** What the workloads hold afterwards, per tool, with the prefix written as OBJ. */
export async function leftBehind(ns: string, prefix: string): Promise<string> {
  const text = await kubectlOk([
    '-n',
    ns,
    'get',
    'deployments,services,rolebindings',
    '-o',
    'jsonpath={range .items[*]}{.kind}/{.metadata.name} {.spec.template.spec} {.spec.selector} {.subjects}{"\\n"}{end}',
  ]);
  return text
    .split('\n')
    .filter((line) => line.includes(`/${prefix}`))
    .map((line) => line.replaceAll(ns, 'NS').replaceAll(prefix, 'OBJ'))
    .join('\n');
}
