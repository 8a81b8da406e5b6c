/** Runs `ktl autoscale`: validates, reads each target and creates its HPA. */
import type { Command } from 'commander';
import { PlainError } from '../../errors/errors.js';
import { generateHpa, validateAutoscale } from '../../resources/generators/hpa.js';
import { apiVersionOf, kindByName } from '../../resources/generators/known-kinds.js';
import { namedSources } from '../../resources/generators/mapped-kind.js';
import { withLastApplied } from '../../resources/generators/object.js';
import { requireFlags } from '../../runtime/command-args.js';
import { int32Flag } from '../../runtime/flag-values.js';
import type { GeneratorFlagValues } from '../../runtime/mutation-flags.js';
import { commonSettings, printObject, sendObject } from '../../runtime/generated-object.js';
import { validateGenerated } from '../../runtime/validate-generated.js';
import type { FilenameOptions } from '../../resources/builder/index.js';
import type { Factory } from '../../runtime/factory.js';
import { commandPathOf } from '../../runtime/command-context.js';

/** The flags of `autoscale`. */
export interface AutoscaleFlagValues extends GeneratorFlagValues, FilenameOptions {
  min?: string;
  max?: string;
  cpuPercent?: string;
  cpu?: string;
  memory?: string;
  name?: string;
}

/** `ktl autoscale TYPE NAME --max=N [--min=N] [--cpu=..] [--memory=..]`. */
export async function runAutoscale(
  factory: Factory,
  command: Command,
  args: string[],
  opts: AutoscaleFlagValues,
): Promise<void> {
  requireFlags(opts as Record<string, unknown>, [['max', 'max']]);
  const params = {
    name: opts.name ?? '',
    min: int32Flag('--min', opts.min, -1, commandPathOf(command)),
    max: int32Flag('--max', opts.max, -1, commandPathOf(command)),
    cpuPercent: int32Flag('--cpu-percent', opts.cpuPercent, -1, commandPathOf(command)),
    cpu: opts.cpu ?? '',
    memory: opts.memory ?? '',
  };
  if (opts.cpuPercent !== undefined)
    factory.streams.err.write(
      "Flag --cpu-percent has been deprecated, Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU).\n",
    );
  const { dryRun, print } = commonSettings(factory, opts, 'autoscaled');
  try {
    validateAutoscale(params);
  } catch (error) {
    throw new PlainError((error as Error).message);
  }
  const { namespace } = await factory.namespace();
  const hpaKind = kindByName('HorizontalPodAutoscaler');
  if (!hpaKind) throw new Error('HorizontalPodAutoscaler is not a known kind');
  let count = 0;
  for (const target of await namedSources(factory, args, opts)) {
    if (target instanceof Error) throw target;
    if (!target.kind.scalable) {
      const gvr = `${apiVersionOf(target.kind)}, Resource=${target.kind.resource}`;
      throw new PlainError(
        `cannot autoscale a ${target.kind.kind}: could not find scale subresource for ${gvr} in discovery information`,
      );
    }
    const ref = {
      apiVersion: apiVersionOf(target.kind),
      kind: target.kind.kind,
      name: target.name,
    };
    const hpa = generateHpa(ref, params);
    await validateGenerated(factory, hpa, undefined);
    if (dryRun === 'client')
      await printObject(factory, hpa, hpaKind, { ...print, verb: 'created' });
    else {
      const created = await sendObject(
        factory,
        withLastApplied(hpa, opts.saveConfig === true),
        hpaKind,
        {
          namespace,
          fieldManager: opts.fieldManager ?? 'kubectl-autoscale',
          dryRun,
        },
      );
      await printObject(factory, created, hpaKind, print);
    }
    count++;
  }
  if (count === 0) throw new PlainError('no objects passed to autoscale');
}
