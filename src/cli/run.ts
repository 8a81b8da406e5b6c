import { CommanderError } from 'commander';
import type { Command } from 'commander';
import type { CommandContext } from '../commands/command-context.js';
import { Factory } from '../commands/factory.js';
import { configFlagsFrom } from '../commands/global-flags.js';
import { formatError } from '../errors/format-error.js';
import type { IOStreams } from '../util/io-streams.js';
import { normalizeArgv } from './argv.js';
import { buildProgram } from './program.js';

/** Runs ktl with arguments (without node and script) and returns the exit code; never exits. */
export async function runCli(
  args: readonly string[],
  streams: IOStreams,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const context: CommandContext = { streams, env, factories: [] };
  const argv = normalizeArgv(args);
  const completing = argv[0] === '__complete' || argv[0] === '__completeNoDesc';
  const program = buildProgram(context, completing ? undefined : argv);
  let captured = '';
  applyRecursively(program, (command) => {
    command.exitOverride();
    command.configureOutput({
      writeOut: (text) => streams.out.write(text),
      writeErr: (text) => {
        captured += text;
      },
      outputError: () => undefined,
    });
  });
  if (completing) {
    await completeCommandLine(program, argv, context);
    await Promise.all(context.factories.map((f) => f.close()));
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExit(error, argv, streams, captured);
    const verbosity = verbosityOf(argv);
    const { text, exitCode } = formatError(error, verbosity);
    if (text) streams.err.write(text);
    return exitCode;
  } finally {
    await Promise.all(context.factories.map((f) => f.close()));
  }
}

async function completeCommandLine(
  program: Command,
  argv: string[],
  context: CommandContext,
): Promise<void> {
  const { runComplete } = await import('../commands/completion/run-complete.js');
  const { factorySources, completionFlags } =
    await import('../commands/completion/sources-factory.js');
  await runComplete(program, argv.slice(1), argv[0] === '__complete', context.streams, (flags) => {
    const factory = new Factory(
      completionFlags(configFlagsFrom(flags)),
      context.streams,
      'ktl __complete',
      context.env,
    );
    context.factories.push(factory);
    return factorySources(factory, flags['allNamespaces'] === true);
  });
}

function applyRecursively(command: Command, apply: (command: Command) => void): void {
  apply(command);
  for (const sub of command.commands) applyRecursively(sub, apply);
}

function verbosityOf(argv: string[]): number {
  const index = argv.findIndex((a) => a === '-v' || a === '--v' || a.startsWith('--v='));
  if (index < 0) return 0;
  const arg = argv[index] ?? '';
  const value = arg.startsWith('--v=') ? arg.slice(4) : (argv[index + 1] ?? '0');
  return Number(value) || 0;
}

/** Maps commander's parse errors to kubectl's (cobra's) wording. */
function commanderExit(
  error: CommanderError,
  argv: string[],
  streams: IOStreams,
  captured: string,
): number {
  if (
    error.code === 'commander.helpDisplayed' ||
    error.code === 'commander.help' ||
    error.code === 'commander.version'
  ) {
    return 0;
  }
  if (error.code === 'commander.executeSubCommandAsync') return error.exitCode;
  const path = commandPath(argv);
  let text: string;
  const unknownOption = /unknown option '([^']+)'/.exec(error.message);
  const unknownCommand = /unknown command '([^']+)'/.exec(error.message);
  if (unknownOption)
    text = `error: unknown flag: ${unknownOption[1]}\nSee '${path} --help' for usage.\n`;
  else if (unknownCommand) {
    const suggestion = /\(Did you mean ([^?]+)\?\)/.exec(captured);
    const hint = suggestion ? `\nDid you mean this?\n\t${suggestion[1]}\n` : '';
    text = `error: unknown command "${unknownCommand[1]}" for "ktl"${hint}\nRun 'ktl --help' for usage.\n`;
  } else {
    text = `${error.message.startsWith('error:') ? error.message : `error: ${error.message}`}\nSee '${path} -h' for help and examples\n`;
  }
  streams.err.write(text);
  return 1;
}

function commandPath(argv: string[]): string {
  const first = argv.find((a) => !a.startsWith('-'));
  return first ? `ktl ${first}` : 'ktl';
}
