/**
 * `ktl rollout restart|pause|resume`: strategic merge patches on the workload, with kubectl's
 * per-object errors (`deployments.apps "web" is already paused`) and output verbs.
 */
import type { Mutation } from '../../resources/actions/rollout-mutation.js';
import { mutationPatch, sendMutation } from '../../resources/actions/rollout-mutation.js';
import type { Factory } from '../../runtime/factory.js';
import { dryRunStrategy } from '../../runtime/mutation-flags.js';
import { ResultPrinter } from '../../runtime/result-printer.js';
import type { PrintFlagValues } from '../../runtime/template-output.js';
import { failWithErrors } from '../../errors/errors.js';
import { rolloutTargets } from './targets.js';

export type { Mutation } from '../../resources/actions/rollout-mutation.js';

/** The flags the three share. */
export interface MutateFlags extends PrintFlagValues {
  selector?: string;
  dryRun?: string | boolean;
  fieldManager?: string;
}

const VERBS: Record<Mutation, string> = {
  restart: 'restarted',
  pause: 'paused',
  resume: 'resumed',
};

/** Runs one of the three over the arguments. */
export async function runMutate(
  factory: Factory,
  mutation: Mutation,
  args: string[],
  flags: MutateFlags,
): Promise<void> {
  const dryRun = dryRunStrategy(flags.dryRun, (t) => factory.streams.err.write(t));
  const targets = await rolloutTargets(factory, args, flags);
  const printer = new ResultPrinter(factory.streams.out, flags, dryRun);
  const errors = [...targets.errors];
  const client = await factory.client();
  for (const target of targets.objects) {
    try {
      const patch = mutationPatch(mutation, target.mapping, target.object);
      const result =
        dryRun === 'client'
          ? target.object
          : await sendMutation(client, { ...target, ref: target.mapping }, patch, {
              serverDryRun: dryRun === 'server',
              fieldManager: flags.fieldManager,
            });
      await printer.print(target.mapping, result, VERBS[mutation]);
    } catch (error) {
      errors.push(error as Error);
    }
  }
  failWithErrors(errors);
}
