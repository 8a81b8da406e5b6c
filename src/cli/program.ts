import { Command } from 'commander';
import type { CommandContext } from '../commands/command-context.js';
import { addGlobalFlags } from '../commands/global-flags.js';
import { commandFactories } from '../commands/registry.js';

/** Builds the root `ktl` command with every subcommand. */
export function buildProgram(context: CommandContext): Command {
  const program = new Command('ktl')
    .description(
      'ktl controls the Kubernetes cluster manager: a kubectl-compatible client with a live dashboard.',
    )
    .helpOption('-h, --help', 'help for ktl')
    .showSuggestionAfterError(true)
    .allowExcessArguments(true);
  addGlobalFlags(program);
  for (const make of commandFactories) program.addCommand(make(context));
  return program;
}
