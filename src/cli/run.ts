import { CommanderError } from 'commander';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isatty } from 'node:tty';
import type { Command } from 'commander';
import type { CommandContext } from '../runtime/command-context.js';
import { ClusterFactory } from '../runtime/cluster-factory.js';
import { configFlagsFrom } from '../runtime/global-flags.js';
import {
  CliError,
  FlagError,
  PlainError,
  PluginDispatchError,
  UsageError,
} from '../errors/errors.js';
import { formatError } from '../errors/format-error.js';
import type { IOStreams, OutputStream } from '../util/io-streams.js';
import { normalizeArgv } from './argv.js';
import { helpWords, runHelpCommand, withoutHelpOfUnknownCommand } from './help-command.js';
import type { Invocation } from './invocation.js';
import { readInvocation } from './invocation.js';
import { applyKuberc } from './kuberc-apply.js';
import { pluginToRun } from './plugin-dispatch.js';
import {
  buildProgram,
  isBuiltinCommand,
  newCommandLookup,
  newRootCommand,
  subcommandNames,
} from './program.js';

/** The streams and environment one in-process run of ktl uses. */
export interface CliIO {
  /** Read only when a command reads stdin (`-f -`, exec -i), so a getter keeps it unopened. */
  readonly stdin: IOStreams['in'];
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Runs ktl with arguments (without node and script) and returns the exit code; never exits,
 * so tests can run commands in-process with their own streams and environment.
 */
export async function runCli(rawArgs: readonly string[], io: CliIO): Promise<number> {
  let args = rawArgs;
  const streams: IOStreams = {
    get in() {
      return io.stdin;
    },
    out: io.stdout,
    err: io.stderr,
  };
  const env = io.env ?? process.env;
  const context: CommandContext = { streams, env, factories: [] };
  const completing = args[0] === '__complete' || args[0] === '__completeNoDesc';
  try {
    args = await applyKuberc(
      args,
      env,
      () => newCommandLookup(context),
      (text) => streams.err.write(text),
      kubeCacheRoot(env),
    );
  } catch (error) {
    const { text, exitCode } = formatError(error);
    streams.err.write(text);
    return exitCode;
  }
  if (!completing) {
    const pluginExit = await dispatchPlugin(args, context);
    if (pluginExit !== undefined) return pluginExit;
  }
  // Completing `get po <TAB>` needs only the get command; completing a command name needs all.
  const program = buildProgram(
    context,
    completing ? normalizeArgv(args.slice(1, -1)) : normalizeArgv(args),
  );
  const invocation = readInvocation(program, args);
  const argv = completing ? normalizeArgv(args) : normalizeArgv(invocation.argv);
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
  const helpTopic = helpWords(program, argv);
  if (helpTopic) return runHelpCommand(program, helpTopic, streams);
  const flagProblem = invocation.shadowedShorthand ?? invocation.boolError;
  if (flagProblem) {
    streams.err.write(formatError(new FlagError(flagProblem, invocation.path)).text);
    return 1;
  }
  try {
    await program.parseAsync(withoutHelpOfUnknownCommand(program, argv), { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExit(error, invocation, streams, captured);
    const verbosity = verbosityOf(argv);
    const { text, exitCode } = formatError(error, verbosity);
    if (text) streams.err.write(text);
    return exitCode;
  } finally {
    await Promise.all(context.factories.map((f) => f.close()));
  }
}

/** Where kubectl's caches live (the parsed kuberc is kept beside the parsed kubeconfigs). */
function kubeCacheRoot(env: NodeJS.ProcessEnv): string {
  return env['KUBECACHEDIR'] || join(env['HOME'] || homedir(), '.kube', 'cache');
}

/**
 * Runs the plugin the command line names, if no built-in command takes it, and returns its exit
 * code; undefined when ktl runs the line itself. A plugin ended by a signal ends ktl by the same
 * signal, as kubectl, which has become the plugin, would be.
 */
async function dispatchPlugin(
  args: readonly string[],
  context: CommandContext,
): Promise<number | undefined> {
  try {
    const plugin = pluginToRun(
      newRootCommand(context.env),
      args,
      context.env,
      isBuiltinCommand,
      () => subcommandNames(context, 'create'),
    );
    if (!plugin) return undefined;
    const { runPlugin, signalExitCode } = await import('./plugin-exec.js');
    // isatty, not streams.in: opening process.stdin would set up a reader the plugin competes with
    const outcome = await runPlugin(plugin, context.env, isatty(0));
    if ('code' in outcome) return outcome.code;
    process.kill(process.pid, outcome.signal);
    return signalExitCode(outcome.signal);
  } catch (error) {
    const { text, exitCode } = formatError(
      error instanceof CliError ? error : new PluginDispatchError(String((error as Error).message)),
    );
    context.streams.err.write(text);
    return exitCode;
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
  await runComplete(
    program,
    argv.slice(1),
    argv[0] === '__complete',
    context.streams,
    (flags) => {
      const factory = new ClusterFactory(
        completionFlags(configFlagsFrom(flags)),
        context.streams,
        'ktl __complete',
        context.env,
      );
      context.factories.push(factory);
      return factorySources(factory, flags['allNamespaces'] === true);
    },
    context.env,
  );
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

/** Maps commander's parse errors to kubectl's (cobra's and pflag's) errors, worded by formatError. */
function commanderExit(
  error: CommanderError,
  invocation: Invocation,
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
  streams.err.write(parseErrorText(error, invocation, captured));
  return 1;
}

function parseErrorText(error: CommanderError, invocation: Invocation, captured: string): string {
  const { path } = invocation;
  const flagError = (message: string): string => formatError(new FlagError(message, path)).text;
  const unknownOption = /unknown option '([^']+)'/.exec(error.message);
  if (unknownOption) {
    const flag = unknownOption[1] ?? '';
    // pflag names the first unknown letter of a short flag group: `'Z' in -Zx`
    if (/^-[^-]/.test(flag)) return flagError(`unknown shorthand flag: '${flag[1]}' in ${flag}`);
    return flagError(`unknown flag: ${flag.split('=')[0]}`);
  }
  const unknownCommand = /unknown command '([^']+)'/.exec(error.message);
  if (unknownCommand) {
    const suggestion = /\(Did you mean ([^?]+)\?\)/.exec(`${error.message}\n${captured}`);
    // kubectl's words: cobra's error through CheckErr, with no "Run 'kubectl --help'" line
    const hint = suggestion ? `\n\nDid you mean this?\n\t${suggestion[1]}` : '';
    return formatError(new PlainError(`unknown command "${unknownCommand[1]}" for "ktl"${hint}`))
      .text;
  }
  const missing = /option '(?:(-\w), )?(--[\w-]+)[^']*' argument missing/.exec(error.message);
  if (missing) return flagError(`flag needs an argument: ${invocation.missingValue ?? missing[2]}`);
  const invalid = /option '[^']*' argument '[^']*' is invalid\. (invalid argument .*)$/s.exec(
    error.message,
  );
  if (invalid) return flagError(invalid[1] ?? '');
  const prefix = error.message.startsWith('error:') ? '' : 'error: ';
  return formatError(new UsageError(error.message, path, prefix)).text;
}
