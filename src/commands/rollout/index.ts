import { Command, Option } from 'commander';
import { asCommandGroup } from '../../runtime/command-group.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { Mutation, MutateFlags } from './run-mutate.js';
import type { HistoryFlags } from './run-history.js';
import type { StatusFlags } from './run-status.js';
import type { UndoFlags } from './run-undo.js';
import { addFilenameFlags } from '../../runtime/filename-flags.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import type { CommandHelp, SubcommandHelp } from '../../runtime/command-help.js';
import { plainDefault, withGroupHelp } from '../../runtime/command-help.js';

const SELECTOR = "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.";

function statusCommand(context: CommandContext): Command {
  const command = new Command('status')
    .description('Show the status of the rollout.')
    .argument('[args...]', '(TYPE NAME | TYPE/NAME)')
    .option('-w, --watch [bool]', "Watch the status of the rollout until it's done.", true)
    .option(
      '--revision <n>',
      'Pin to a specific revision for showing its status. Defaults to 0 (last revision).',
      '0',
    )
    .option(
      '--timeout <duration>',
      'The length of time to wait before ending watch, zero means never.',
      '0s',
    )
    .option('-l, --selector <selector>', SELECTOR);
  return addFilenameFlags(command, 'get from a server.').action(
    async (
      args: string[],
      flags: Omit<StatusFlags, 'watch'> & { watch: boolean | string },
      cmd: Command,
    ) => {
      const { runStatus } = await import('./run-status.js');
      const watch = flags.watch !== false && flags.watch !== 'false';
      await runStatus(factoryFor(context, cmd), args, { ...flags, watch });
    },
  );
}

function historyCommand(context: CommandContext): Command {
  const command = new Command('history')
    .summary('View rollout history')
    .description('View previous rollout revisions and configurations.')
    .argument('[args...]', '(TYPE NAME | TYPE/NAME)')
    .option(
      '--revision <n>',
      'See the details, including podTemplate of the revision specified',
      '0',
    )
    .option('-l, --selector <selector>', SELECTOR);
  return addFilenameFlags(addPrintFlags(command), 'get from a server.').action(
    async (args: string[], flags: HistoryFlags, cmd: Command) => {
      const { runHistory } = await import('./run-history.js');
      await runHistory(factoryFor(context, cmd), args, flags);
    },
  );
}

function undoCommand(context: CommandContext): Command {
  const command = new Command('undo')
    .summary('Undo a previous rollout')
    .description('Roll back to a previous rollout.')
    .argument('[args...]', '(TYPE NAME | TYPE/NAME)')
    .option('--to-revision <n>', 'The revision to rollback to. Default to 0 (last revision).', '0')
    .option('-l, --selector <selector>', SELECTOR);
  // kubectl's undo has --dry-run but no --field-manager.
  addFilenameFlags(addPrintFlags(command), 'get from a server.').addOption(
    new Option(
      '--dry-run [strategy]',
      'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
    ).default('none'),
  );
  return command.action(async (args: string[], flags: UndoFlags, cmd: Command) => {
    const { runUndo } = await import('./run-undo.js');
    await runUndo(factoryFor(context, cmd), args, flags);
  });
}

function mutateCommand(context: CommandContext, mutation: Mutation, description: string): Command {
  const command = new Command(mutation)
    .description(description)
    .argument('[args...]', 'RESOURCE')
    .option('-l, --selector <selector>', SELECTOR);
  // kubectl's pause, resume and restart have --field-manager but no --dry-run.
  addFilenameFlags(addPrintFlags(command), 'get from a server.').option(
    '--field-manager <name>',
    'Name of the manager used to track field ownership.',
    'kubectl-rollout',
  );
  return command.action(async (args: string[], flags: MutateFlags, cmd: Command) => {
    const { runMutate } = await import('./run-mutate.js');
    await runMutate(factoryFor(context, cmd), mutation, args, flags);
  });
}

/** kubectl's help for `ktl rollout` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Manage the rollout of one or many resources.
        
 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets`,
  example: `# Rollback to the previous deployment
ktl rollout undo deployment/abc

# Check the rollout status of a daemonset
ktl rollout status daemonset/foo

# Restart a deployment
ktl rollout restart deployment/abc

# Restart deployments with the 'app=nginx' label
ktl rollout restart deployment --selector=app=nginx`,
  usage: 'SUBCOMMAND',
};

/** kubectl's help for `ktl rollout status` (examples use only flags ktl has). */
const STATUS_HELP: CommandHelp = {
  defaults: { revision: plainDefault(0) },
  long: `Show the status of the rollout.

 By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.`,
  example: `# Watch the rollout status of a deployment
ktl rollout status deployment/nginx`,
  usage: '(TYPE NAME | TYPE/NAME) [flags]',
};

/** kubectl's help for `ktl rollout history` (examples use only flags ktl has). */
const HISTORY_HELP: CommandHelp = {
  defaults: { revision: plainDefault(0) },
  long: `View previous rollout revisions and configurations.`,
  example: `# View the rollout history of a deployment
ktl rollout history deployment/abc

# View the details of daemonset revision 3
ktl rollout history daemonset/abc --revision=3`,
  usage: '(TYPE NAME | TYPE/NAME) [flags]',
};

/** kubectl's help for `ktl rollout undo` (examples use only flags ktl has). */
const UNDO_HELP: CommandHelp = {
  defaults: { 'to-revision': plainDefault(0) },
  long: `Roll back to a previous rollout.`,
  example: `# Roll back to the previous deployment
ktl rollout undo deployment/abc

# Roll back to daemonset revision 3
ktl rollout undo daemonset/abc --to-revision=3

# Roll back to the previous deployment with dry-run
ktl rollout undo --dry-run=server deployment/abc`,
  usage: '(TYPE NAME | TYPE/NAME) [flags]',
};

/** kubectl's help for `ktl rollout restart` (examples use only flags ktl has). */
const RESTART_HELP: CommandHelp = {
  long: `Restart a resource.

        Resource rollout will be restarted.`,
  example: `# Restart all deployments in the test-namespace namespace
ktl rollout restart deployment -n test-namespace

# Restart a deployment
ktl rollout restart deployment/nginx

# Restart a daemon set
ktl rollout restart daemonset/abc

# Restart deployments with the app=nginx label
ktl rollout restart deployment --selector=app=nginx`,
  usage: 'RESOURCE',
};

/** kubectl's help for `ktl rollout pause` (examples use only flags ktl has). */
const PAUSE_HELP: CommandHelp = {
  long: `Mark the provided resource as paused.

 Paused resources will not be reconciled by a controller. Use "ktl rollout resume" to resume a paused resource. Currently only deployments support being paused.`,
  example: `# Mark the nginx deployment as paused
# Any current state of the deployment will continue its function; new updates
# to the deployment will not have an effect as long as the deployment is paused
ktl rollout pause deployment/nginx`,
  usage: 'RESOURCE',
};

/** kubectl's help for `ktl rollout resume` (examples use only flags ktl has). */
const RESUME_HELP: CommandHelp = {
  long: `Resume a paused resource.

 Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.`,
  example: `# Resume an already paused deployment
ktl rollout resume deployment/nginx`,
  usage: 'RESOURCE',
};

/** The help of each subcommand, by its path under `ktl rollout`. */
const SUBCOMMAND_HELP: SubcommandHelp = [
  [['status'], STATUS_HELP],
  [['history'], HISTORY_HELP],
  [['undo'], UNDO_HELP],
  [['restart'], RESTART_HELP],
  [['pause'], PAUSE_HELP],
  [['resume'], RESUME_HELP],
];

/** `ktl rollout`: manage the rollout of deployments, daemon sets and stateful sets. */
export function newRolloutCommand(context: CommandContext): Command {
  const rollout = new Command('rollout')
    .description('Manage the rollout of one or many resources.')
    .addCommand(historyCommand(context))
    .addCommand(mutateCommand(context, 'pause', 'Mark the provided resource as paused.'))
    .addCommand(mutateCommand(context, 'restart', 'Restart a resource.'))
    .addCommand(mutateCommand(context, 'resume', 'Resume a paused resource.'))
    .addCommand(statusCommand(context))
    .addCommand(undoCommand(context));
  asCommandGroup(rollout, context.streams, 'stdout');
  return withGroupHelp(rollout, HELP, SUBCOMMAND_HELP);
}
