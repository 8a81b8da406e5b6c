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

/**
 * Builds the root `ktl` command. Given the arguments, only the invoked top-level command is
 * built (its flags are most of the start-up work of a short command); without them, or when
 * the first word is not a command (help, a typo that needs suggestions), every command is.
 */
export function buildProgram(context: CommandContext, argv?: readonly string[]): Command {
  const program = new Command('ktl')
    .description(
      'ktl controls the Kubernetes cluster manager: a kubectl-compatible client with a live dashboard.',
    )
    .helpOption('-h, --help', 'help for ktl')
    .showSuggestionAfterError(true)
    .allowExcessArguments(true);
  addGlobalFlags(program);
  const invoked = argv ? invokedCommandName(program, argv) : undefined;
  const only = commandFactories.filter(([name]) => name === invoked);
  if (invoked === OPTIONS_COMMAND) program.addCommand(newOptionsCommand(context));
  else {
    for (const [, make] of only.length === 1 ? only : commandFactories) {
      program.addCommand(make(context));
    }
  }
  installHelpLayout(program, helpWidthOf(context.streams.out));
  return program;
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
