/** Runs `create service <type> NAME`. */
import type { Command } from 'commander';
import { PlainError } from '../../errors/errors.js';
import { kindByName } from '../../resources/generators/known-kinds.js';
import { splitCsvFlag } from '../../resources/generators/parse.js';
import type { ServiceType } from '../../resources/generators/service.js';
import { generateService, validateService } from '../../resources/generators/service.js';
import type { Factory } from '../../runtime/factory.js';
import { nameFromArgs, requireFlags } from '../../runtime/command-args.js';
import { int32Flag } from '../../runtime/flag-values.js';
import type { GeneratorFlagValues } from '../../runtime/mutation-flags.js';
import { runGenerated } from './run-generated.js';
import { commandPathOf } from '../../runtime/command-context.js';

/** Flags of `create service <type>`. */
export interface ServiceFlagValues extends GeneratorFlagValues {
  tcp?: string[];
  clusterip?: string;
  nodePort?: string;
  externalName?: string;
}

function asPlain<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    throw new PlainError((error as Error).message);
  }
}

/** `create service clusterip|nodeport|loadbalancer|externalname NAME`. */
export async function runCreateService(
  factory: Factory,
  command: Command,
  args: string[],
  opts: ServiceFlagValues,
  type: string,
): Promise<void> {
  if (type === 'ExternalName')
    requireFlags(opts as Record<string, unknown>, [['externalName', 'external-name']]);
  const nodePort = int32Flag('--node-port', opts.nodePort, 0, commandPathOf(command));
  const name = nameFromArgs(command, args);
  const params = {
    name,
    type: type as ServiceType,
    tcp: splitCsvFlag(opts.tcp ?? []),
    clusterIP: opts.clusterip ?? '',
    nodePort,
    externalName: opts.externalName ?? '',
  };
  const kind = kindByName('Service');
  if (!kind) throw new Error('Service is not a known kind');
  await runGenerated(factory, opts, {
    kind,
    errorPrefix: `failed to create ${type} service: `,
    validate: () => asPlain(() => validateService(params)),
    build: (namespace) => asPlain(() => generateService({ ...params, namespace })),
  });
}
