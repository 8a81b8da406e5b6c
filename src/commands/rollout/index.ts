import { Command, Option } from 'commander';
import type { CommandContext } from '../command-context.js';
import { factoryFor } from '../command-context.js';
import type { Mutation, MutateFlags } from './run-mutate.js';
import type { HistoryFlags } from './run-history.js';
import type { StatusFlags } from './run-status.js';
import type { UndoFlags } from './run-undo.js';
import { addFilenameFlags } from '../label/file-flags.js';

const SELECTOR = "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.";
const OUTPUT = 'Output format. One of: (json, yaml, name, jsonpath, jsonpath-as-json).';

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
    .description('View previous rollout revisions and configurations.')
    .argument('[args...]', '(TYPE NAME | TYPE/NAME)')
    .option(
      '--revision <n>',
      'See the details, including podTemplate of the revision specified',
      '0',
    )
    .option('-l, --selector <selector>', SELECTOR)
    .option('-o, --output <format>', OUTPUT);
  return addFilenameFlags(command, 'get from a server.').action(
    async (args: string[], flags: HistoryFlags, cmd: Command) => {
      const { runHistory } = await import('./run-history.js');
      await runHistory(factoryFor(context, cmd), args, flags);
    },
  );
}

function undoCommand(context: CommandContext): Command {
  const command = new Command('undo')
    .description('Roll back to a previous rollout.')
    .argument('[args...]', '(TYPE NAME | TYPE/NAME)')
    .option('--to-revision <n>', 'The revision to rollback to. Default to 0 (last revision).', '0')
    .option('-l, --selector <selector>', SELECTOR)
    .option('-o, --output <format>', OUTPUT);
  // kubectl's undo has --dry-run but no --field-manager.
  addFilenameFlags(command, 'get from a server.').addOption(
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
    .option('-l, --selector <selector>', SELECTOR)
    .option('-o, --output <format>', OUTPUT);
  // kubectl's pause, resume and restart have --field-manager but no --dry-run.
  addFilenameFlags(command, 'get from a server.').option(
    '--field-manager <name>',
    'Name of the manager used to track field ownership.',
    'kubectl-rollout',
  );
  return command.action(async (args: string[], flags: MutateFlags, cmd: Command) => {
    const { runMutate } = await import('./run-mutate.js');
    await runMutate(factoryFor(context, cmd), mutation, args, flags);
  });
}

/** `ktl rollout`: manage the rollout of deployments, daemon sets and stateful sets. */
export function newRolloutCommand(context: CommandContext): Command {
  return new Command('rollout')
    .description('Manage the rollout of one or many resources.')
    .addCommand(historyCommand(context))
    .addCommand(mutateCommand(context, 'pause', 'Mark the provided resource as paused.'))
    .addCommand(mutateCommand(context, 'restart', 'Restart a resource.'))
    .addCommand(mutateCommand(context, 'resume', 'Resume a paused resource.'))
    .addCommand(statusCommand(context))
    .addCommand(undoCommand(context));
}
