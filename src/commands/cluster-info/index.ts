import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { DumpFlags } from './run-dump.js';
import { collect } from '../../runtime/flag-values.js';
import { addPrintFlags } from '../../runtime/print-flags.js';

function dumpCommand(context: CommandContext): Command {
  const command = new Command('dump')
    .argument('[ignored...]')
    .description(
      'Dump cluster information out suitable for debugging and diagnosing cluster problems.',
    )
    .option(
      '-A, --all-namespaces',
      'If true, dump all namespaces.  If true, --namespaces is ignored.',
    )
    .option('--namespaces <list>', 'A comma separated list of namespaces to dump.', collect)
    .option(
      '--output-directory <dir>',
      "Where to output the files.  If empty or '-' uses stdout, otherwise creates a directory hierarchy in that directory",
    )
    .option(
      '--pod-running-timeout <duration>',
      'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
      '20s',
    );
  addPrintFlags(command, 'json');
  return command.action(async (_args: string[], flags: DumpFlags, invoked: Command) => {
    const { runDump } = await import('./run-dump.js');
    const directory = flags.outputDirectory === '-' ? undefined : flags.outputDirectory;
    await runDump(factoryFor(context, invoked), { ...flags, outputDirectory: directory });
  });
}

/** `ktl cluster-info`: addresses of the control plane and the cluster services. */
export function newClusterInfoCommand(context: CommandContext): Command {
  return (
    new Command('cluster-info')
      .description(
        'Display addresses of the control plane and services with label kubernetes.io/cluster-service=true.',
      )
      // kubectl ignores arguments it does not use.
      .argument('[ignored...]')
      .addCommand(dumpCommand(context))
      .action(async (_args: string[], _opts: object, command: Command) => {
        const { runClusterInfo } = await import('./run-cluster-info.js');
        await runClusterInfo(factoryFor(context, command));
      })
  );
}
