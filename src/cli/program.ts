import { Command } from 'commander';
import type { CommandContext } from '../commands/command-context.js';
import { addGlobalFlags } from '../commands/global-flags.js';
import {
  helpWidthOf,
  installHelpLayout,
  newOptionsCommand,
} from '../commands/help/install-help.js';
import { commandFactories } from '../commands/registry.js';

/** `ktl options` (the global flags), built only when invoked: kubectl's root help omits it too. */
const OPTIONS_COMMAND = 'options';
const PLUGIN_COMMAND = 'plugin';

/**
 * Builds the root `ktl` command. Given the arguments, only the invoked top-level command is
 * built (its flags are most of the start-up work of a short command); without them, or when
 * the first word is not a command (help, a typo that needs suggestions), every command is.
 */
export function buildProgram(context: CommandContext, argv?: readonly string[]): Command {
  const program = newRootCommand();
  const invoked = argv ? invokedCommandName(program, argv) : undefined;
  // `plugin list` checks plugin names against every built-in command
  const only =
    invoked === PLUGIN_COMMAND ? [] : commandFactories.filter(([name]) => name === invoked);
  if (invoked === OPTIONS_COMMAND) program.addCommand(newOptionsCommand(context));
  else {
    for (const [, make] of only.length === 1 ? only : commandFactories) {
      program.addCommand(make(context));
    }
  }
  installHelpLayout(program, helpWidthOf(context.streams.out));
  return program;
}

/** The root `ktl` command with its global flags and no subcommands. */
export function newRootCommand(): Command {
  const program = new Command('ktl')
    .description(
      'ktl controls the Kubernetes cluster manager: a kubectl-compatible client with a live dashboard.',
    )
    .helpOption('-h, --help', 'help for ktl')
    .showSuggestionAfterError(true)
    .allowExcessArguments(true);
  addGlobalFlags(program);
  return program;
}

/** Whether a word names a top-level command (built-ins always win over plugins). */
export function isBuiltinCommand(name: string): boolean {
  return name === OPTIONS_COMMAND || commandFactories.some(([command]) => command === name);
}

/** The names of a top-level command's subcommands (built only when asked). */
export function subcommandNames(context: CommandContext, name: string): string[] {
  const make = commandFactories.find(([command]) => command === name)?.[1];
  return make ? make(context).commands.map((c) => c.name()) : [];
}

/** The first word that is neither a global flag nor a global flag's value. */
export function invokedCommandName(program: Command, argv: readonly string[]): string | undefined {
  const takesValue = new Set<string>();
  for (const option of program.options) {
    if (!option.required && !option.optional) continue;
    if (option.long) takesValue.add(option.long);
    if (option.short) takesValue.add(option.short);
  }
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (word === '--') return undefined;
    if (!word.startsWith('-')) return word;
    if (!word.includes('=') && takesValue.has(word)) i++;
  }
  return undefined;
}
