/** Runs the RBAC create subcommands. */
import type { Command } from 'commander';
import { BareError, PlainError } from '../../errors/errors.js';
import { kindByName } from '../../resources/generators/known-kinds.js';
import type { KnownKind } from '../../resources/generators/known-kinds.js';
import { splitCsvFlag } from '../../resources/generators/parse.js';
import {
  generateClusterRole,
  generateClusterRoleBinding,
  generateRole,
  generateRoleBinding,
  normalizeRole,
  validateRole,
} from '../../resources/generators/rbac.js';
import { discoveryResolver, NoResourceMatch } from './resolve-resources.js';
import type { Factory } from '../../runtime/factory.js';
import { nameFromArgs, requireFlags } from '../../runtime/command-args.js';
import type { GeneratorFlagValues } from '../../runtime/mutation-flags.js';
import { runGenerated } from './run-generated.js';

/** Flags of the RBAC subcommands. */
export interface RbacFlagValues extends GeneratorFlagValues {
  verb?: string[];
  resource?: string[];
  resourceName?: string[];
  nonResourceUrl?: string[];
  aggregationRule?: string[];
  role?: string;
  clusterrole?: string;
  user?: string[];
  group?: string[];
  serviceaccount?: string[];
}

function known(kind: string): KnownKind {
  const found = kindByName(kind, 'rbac.authorization.k8s.io');
  if (!found) throw new Error(`unknown kind ${kind}`);
  return found;
}

function plain(run: () => void): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof NoResourceMatch)) throw new PlainError((error as Error).message);
    // kubectl prints a NoResourceMatchError bare, without "error: ".
    throw new BareError(error.message);
  }
}

function aggregationRule(items: readonly string[]): Record<string, string> {
  const rule: Record<string, string> = {};
  for (const pair of splitCsvFlag(items)) {
    const at = pair.indexOf('=');
    if (at < 0) throw new PlainError(`${pair} must be formatted as key=value`);
    rule[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return rule;
}

/** `create role NAME` / `create clusterrole NAME`. */
export async function runCreateRole(
  factory: Factory,
  command: Command,
  args: string[],
  opts: RbacFlagValues,
  cluster: boolean,
): Promise<void> {
  const name = nameFromArgs(command, args);
  const flags = {
    name,
    verbs: splitCsvFlag(opts.verb ?? []),
    resources: splitCsvFlag(opts.resource ?? []),
    resourceNames: opts.resourceName ?? [],
    nonResourceURLs: splitCsvFlag(opts.nonResourceUrl ?? []),
    aggregationRule: aggregationRule(opts.aggregationRule ?? []),
  };
  const resolve = await discoveryResolver(factory, normalizeRole(flags).resources);
  const params = { ...flags, resolve };
  await runGenerated(factory, opts, {
    kind: known(cluster ? 'ClusterRole' : 'Role'),
    validate: () =>
      plain(() => validateRole(params, (line) => factory.streams.err.write(line), cluster)),
    build: (namespace) =>
      cluster ? generateClusterRole(params) : generateRole({ ...params, namespace }),
  });
}

/** `create rolebinding NAME` / `create clusterrolebinding NAME`. */
export async function runCreateBinding(
  factory: Factory,
  command: Command,
  args: string[],
  opts: RbacFlagValues,
  cluster: boolean,
): Promise<void> {
  if (cluster) requireFlags(opts as Record<string, unknown>, [['clusterrole', 'clusterrole']]);
  const name = nameFromArgs(command, args);
  const params = {
    name,
    role: opts.role ?? '',
    clusterRole: opts.clusterrole ?? '',
    users: opts.user ?? [],
    groups: opts.group ?? [],
    serviceAccounts: opts.serviceaccount ?? [],
  };
  await runGenerated(factory, opts, {
    kind: known(cluster ? 'ClusterRoleBinding' : 'RoleBinding'),
    errorPrefix: `failed to create ${cluster ? 'clusterrolebinding' : 'rolebinding'}: `,
    validate: () => {
      if (!cluster && !params.role === !params.clusterRole)
        throw new PlainError('exactly one of clusterrole or role must be specified');
    },
    build: (namespace) => {
      try {
        return cluster
          ? generateClusterRoleBinding(params)
          : generateRoleBinding({ ...params, namespace });
      } catch (error) {
        throw new PlainError((error as Error).message);
      }
    },
  });
}
