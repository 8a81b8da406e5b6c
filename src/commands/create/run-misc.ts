/** Runs namespace, serviceaccount, quota, priorityclass, poddisruptionbudget and ingress. */
import type { Command } from 'commander';
import { PlainError } from '../../errors/errors.js';
import { generateIngress, validateIngress } from '../../resources/generators/ingress.js';
import { kindByName } from '../../resources/generators/known-kinds.js';
import type { KnownKind } from '../../resources/generators/known-kinds.js';
import type { KubeObject } from '../../resources/kube-object.js';
import { generatePdb, validatePdb } from '../../resources/generators/pdb.js';
import {
  generateNamespace,
  generatePriorityClass,
  generateQuota,
  generateServiceAccount,
} from '../../resources/generators/simple-kinds.js';
import type { Factory } from '../../runtime/factory.js';
import { nameFromArgs } from '../../runtime/command-args.js';
import { boolFlag, int32Flag } from '../../runtime/flag-values.js';
import type { GeneratorFlagValues } from '../../runtime/mutation-flags.js';
import type { GeneratedCommand } from './run-generated.js';
import { runGenerated } from './run-generated.js';
import { commandPathOf } from '../../runtime/command-context.js';

/** Flags of these subcommands. */
export interface MiscFlagValues extends GeneratorFlagValues {
  hard?: string;
  scopes?: string;
  value?: string;
  globalDefault?: string | boolean;
  description?: string;
  preemptionPolicy?: string;
  minAvailable?: string;
  maxUnavailable?: string;
  selector?: string;
  class?: string;
  rule?: string[];
  defaultBackend?: string;
  annotation?: string[];
}

function known(kind: string): KnownKind {
  const found = kindByName(kind);
  if (!found) throw new Error(`unknown kind ${kind}`);
  return found;
}

function plain<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new PlainError((error as Error).message);
  }
}

type Spec = Omit<GeneratedCommand, 'build'> & {
  build: (namespace: string | undefined) => KubeObject;
};

function specFor(command: Command, name: string, opts: MiscFlagValues, runner: string): Spec {
  switch (runner) {
    case 'namespace':
      return { kind: known('Namespace'), build: () => generateNamespace(name) };
    case 'serviceaccount':
      return {
        kind: known('ServiceAccount'),
        errorPrefix: 'failed to create serviceaccount: ',
        build: (namespace) => generateServiceAccount(name, namespace),
      };
    case 'quota':
      return {
        kind: known('ResourceQuota'),
        errorPrefix: 'failed to create quota: ',
        build: (namespace) =>
          plain(() =>
            generateQuota({ name, namespace, hard: opts.hard ?? '', scopes: opts.scopes ?? '' }),
          ),
      };
    case 'priorityclass': {
      const value = int32Flag('--value', opts.value, 0, commandPathOf(command));
      const globalDefault = boolFlag(
        '--global-default',
        opts.globalDefault,
        commandPathOf(command),
      );
      const params = {
        name,
        value,
        globalDefault,
        description: opts.description ?? '',
        preemptionPolicy: opts.preemptionPolicy ?? 'PreemptLowerPriority',
      };
      return {
        kind: known('PriorityClass'),
        errorPrefix: 'failed to create priorityclass: ',
        build: () => generatePriorityClass(params),
      };
    }
    case 'pdb': {
      const params = {
        name,
        selector: opts.selector ?? '',
        minAvailable: opts.minAvailable ?? '',
        maxUnavailable: opts.maxUnavailable ?? '',
      };
      return {
        kind: known('PodDisruptionBudget'),
        errorPrefix: 'failed to create poddisruptionbudgets: ',
        validate: () => plain(() => validatePdb(params)),
        build: (namespace) => plain(() => generatePdb({ ...params, namespace })),
      };
    }
    default: {
      const params = {
        name,
        ingressClass: opts.class ?? '',
        rules: opts.rule ?? [],
        defaultBackend: opts.defaultBackend ?? '',
        annotations: opts.annotation ?? [],
      };
      return {
        kind: known('Ingress'),
        errorPrefix: 'failed to create ingress: ',
        validate: () => plain(() => validateIngress(params)),
        build: (namespace) => generateIngress({ ...params, namespace }),
      };
    }
  }
}

/** `create namespace|serviceaccount|quota|priorityclass|pdb|ingress NAME`. */
export async function runCreateMisc(
  factory: Factory,
  command: Command,
  args: string[],
  opts: MiscFlagValues,
  runner: string,
): Promise<void> {
  const name = nameFromArgs(command, args);
  await runGenerated(factory, opts, specFor(command, name, opts, runner));
}
