import { Command } from 'commander';
import type { CommandContext } from '../runtime/command-context.js';
import { commandPathOf } from '../runtime/command-context.js';
import { addGlobalFlags } from '../runtime/global-flags.js';
import {
  helpWidthOf,
  installHelpLayout,
  newOptionsCommand,
} from '../commands/help/install-help.js';
import { commandFactories } from '../commands/registry.js';
import { kubercDisabled } from '../config/kuberc.js';
import { cobraFind, nonFlagIndexes } from './command-find.js';
import type { ProcessFlags, RunningProfile } from './process-flags.js';
import { checkLoggingFlags, startProfile } from './process-flags.js';
import type { CommandLookup } from './kuberc-apply.js';

/** `ktl options` (the global flags), built only when invoked: kubectl's root help omits it too. */
const OPTIONS_COMMAND = 'options';
const PLUGIN_COMMAND = 'plugin';

/**
 * Builds the root `ktl` command. Given the arguments, only the invoked top-level command is
 * built (its flags are most of the start-up work of a short command); without them, or when
 * the first word is not a command (help, a typo that needs suggestions), every command is.
 */
export function buildProgram(context: CommandContext, argv?: readonly string[]): Command {
  const program = newRootCommand(context.env);
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
  installProcessFlags(program);
  return program;
}

/**
 * Checks the logging flags and runs --profile around the command's action, as kubectl's
 * PersistentPreRunE/PersistentPostRunE do: the profile is written only when the command succeeds.
 */
function installProcessFlags(program: Command): void {
  let profile: RunningProfile | undefined;
  program.hook('preAction', async (_root, action) => {
    const flags = action.optsWithGlobals<ProcessFlags>();
    checkLoggingFlags(flags, commandPathOf(action));
    profile = await startProfile(globalProfileFlags(action));
  });
  program.hook('postAction', async () => {
    await profile?.stop();
    profile = undefined;
  });
}

/**
 * --profile and --profile-output for the process profiler. A command with a --profile of its own
 * (debug's profiles) shadows the global one, as a local pflag shadows a persistent one in kubectl,
 * where cobra parses every flag on the command's own flag set: the profiler then stays off, and the
 * value (commander also hands it to the root) is the command's alone.
 */
function globalProfileFlags(action: Command): ProcessFlags {
  if (action.options.some((option) => option.long === '--profile')) return {};
  const flags = action.optsWithGlobals<ProcessFlags>();
  return { profile: flags.profile, profileOutput: flags.profileOutput };
}

/**
 * The root `ktl` command with its global flags and no subcommands; `--kuberc` is one of them
 * unless KUBECTL_KUBERC=false removes kuberc, as it removes kubectl's flag.
 */
export function newRootCommand(env: NodeJS.ProcessEnv = {}): Command {
  const program = new Command('ktl')
    .description(
      'ktl controls the Kubernetes cluster manager: a kubectl-compatible client with a live dashboard.',
    )
    .helpOption('-h, --help', 'help for ktl')
    .showSuggestionAfterError(true)
    .allowExcessArguments(true);
  addGlobalFlags(program);
  if (!kubercDisabled(env))
    program.option(
      '--kuberc <path>',
      'Path to the kuberc file to use for preferences. This can be disabled by exporting KUBECTL_KUBERC=false feature gate or turning off the feature KUBERC=off.',
    );
  return program;
}

/**
 * The command tree as kuberc reads it (cobra's Find), building a top-level command only when a
 * lookup reaches it.
 */
export function newCommandLookup(context: CommandContext): CommandLookup {
  const root = newRootCommand(context.env);
  const ensureTopLevel = (args: readonly string[]): void => {
    const name = args[nonFlagIndexes(root, args)[0] ?? -1];
    if (name === undefined || root.commands.some((c) => c.name() === name)) return;
    if (name === OPTIONS_COMMAND) root.addCommand(new Command(OPTIONS_COMMAND));
    const make = commandFactories.find(([command]) => command === name)?.[1];
    if (make) root.addCommand(make(context));
  };
  return {
    root,
    find: (args) => {
      ensureTopLevel(args);
      return cobraFind(root, args);
    },
    isBuiltin: isBuiltinCommand,
  };
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
