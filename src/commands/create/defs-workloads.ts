/** `create deployment`, `create job`, `create cronjob` (flag definitions). */
import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { addCreateFlags } from './create-flags.js';
import { collect } from '../../runtime/flag-values.js';

/** The workload subcommands. */
export function workloadCommands(context: CommandContext): Command[] {
  const deployment = addCreateFlags(
    new Command('deployment')
      .alias('deploy')
      .description('Create a deployment with the specified name')
      .usage('NAME --image=image -- [COMMAND] [args...]')
      .argument('[args...]'),
  )
    .option(
      '--image <image>',
      'Image names to run. A deployment can have multiple images set for multi-container pod.',
      collect,
    )
    .option('--port <port>', 'The containerPort that this deployment exposes.')
    .option('-r, --replicas <n>', 'Number of replicas to create. Default is 1.')
    .action(async (args: string[], opts, command: Command) => {
      const { runCreateDeployment } = await import('./run-workloads.js');
      await runCreateDeployment(factoryFor(context, command), command, args, opts);
    });
  const job = addCreateFlags(
    new Command('job')
      .description('Create a job with the specified name')
      .usage('NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]')
      .argument('[args...]'),
  )
    .option('--image <image>', 'Image name to run.')
    .option(
      '--from <resource>',
      'The name of the resource to create a Job from (only cronjob is supported).',
    )
    .action(async (args: string[], opts, command: Command) => {
      const { runCreateJob } = await import('./run-workloads.js');
      await runCreateJob(factoryFor(context, command), command, args, opts);
    });
  const cronJob = addCreateFlags(
    new Command('cronjob')
      .alias('cj')
      .description('Create a cron job with the specified name')
      .usage("NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...]")
      .argument('[args...]'),
  )
    .option('--image <image>', 'Image name to run.')
    .option('--schedule <cron>', 'A schedule in the Cron format the job should be run with.')
    .option('--restart <policy>', "job's restart policy. supported values: OnFailure, Never")
    .action(async (args: string[], opts, command: Command) => {
      const { runCreateCronJob } = await import('./run-workloads.js');
      await runCreateCronJob(factoryFor(context, command), command, args, opts);
    });
  return [cronJob, deployment, job];
}
