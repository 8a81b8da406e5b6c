import { addFilenameFlags } from '../../runtime/filename-flags.js';
import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { addMutationFlags } from '../../runtime/mutation-flags.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import { flagDefaults, plainDefault } from '../../runtime/command-help.js';

/** `ktl autoscale TYPE NAME --max=N`: an autoscaling/v2 HorizontalPodAutoscaler. */
export function newAutoscaleCommand(context: CommandContext): Command {
  const command = new Command('autoscale')
    .description('Auto-scale a deployment, replica set, stateful set, or replication controller.')
    .usage(
      '(-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu=CPU] [--memory=MEMORY]',
    )
    .argument('[args...]')
    .option(
      '--min <n>',
      "The lower limit for the number of pods that can be set by the autoscaler. If it's not specified or negative, the server will apply a default value.",
    )
    .option(
      '--max <n>',
      'The upper limit for the number of pods that can be set by the autoscaler. Required.',
    )
    .option(
      '--cpu-percent <n>',
      '(deprecated: use --cpu) The target average CPU utilization (represented as a percent of requested CPU) over all the pods.',
    )
    .option(
      '--cpu <target>',
      'Target CPU utilization over all the pods: a percentage (e.g. "70%") targets average utilization; a quantity (e.g. "500m") targets average value; a bare number is in millicores.',
    )
    .option(
      '--memory <target>',
      'Target memory utilization over all the pods: a percentage (e.g. "60%") or a quantity (e.g. "200Mi"); a bare number is in mebibytes.',
    )
    .option(
      '--name <name>',
      'The name for the newly created object. If not specified, the name of the input resource will be used.',
    );
  addFilenameFlags(command, 'autoscale.');
  addMutationFlags(addPrintFlags(command), 'kubectl-autoscale', false);
  command.option(
    '--save-config',
    'If true, the configuration of current object will be saved in its annotation.',
  );
  return flagDefaults(
    command.action(async (args: string[], opts, cmd: Command) => {
      const { runAutoscale } = await import('./run-autoscale.js');
      await runAutoscale(factoryFor(context, cmd), cmd, args, opts);
    }),
    { max: plainDefault(-1), min: plainDefault(-1) },
  );
}
