// Imported lazily (see run.ts): child_process costs every built-in command ~10 ms of start-up.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { GO_ERRNO_TEXT } from '../config/plugin-path.js';
import type { PluginCommand } from '../config/plugin-path.js';

const FORWARDED_SIGNALS: NodeJS.Signals[] = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGQUIT',
  'SIGUSR2',
  'SIGWINCH',
];

/** Signals a terminal sends to its whole foreground process group, the plugin included. */
const TERMINAL_SIGNALS = new Set<NodeJS.Signals>(['SIGINT', 'SIGQUIT', 'SIGWINCH']);

/** How a plugin run ended: its exit code, or the signal that ended it. */
export type PluginOutcome = { code: number } | { signal: NodeJS.Signals };

/**
 * Runs a plugin as kubectl's syscall.Exec would: the same standard streams and environment,
 * argv[0] the executable's path. Node cannot replace its own process, so ktl waits for the
 * plugin, passing on the signals sent to ktl; those a terminal sends to the whole foreground
 * group (Ctrl-C) already reach the plugin and are not sent twice.
 */
export function runPlugin(
  plugin: PluginCommand,
  env: NodeJS.ProcessEnv,
  stdinIsTerminal: boolean,
): Promise<PluginOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(plugin.path, plugin.args, { stdio: 'inherit', env });
    const forwarders = FORWARDED_SIGNALS.map((signal) => {
      const forward = (): void => {
        if (stdinIsTerminal && TERMINAL_SIGNALS.has(signal)) return;
        child.kill(signal);
      };
      process.on(signal, forward);
      return () => process.off(signal, forward);
    });
    const stopForwarding = (): void => forwarders.forEach((stop) => stop());
    child.on('error', (error: NodeJS.ErrnoException) => {
      stopForwarding();
      reject(new Error(GO_ERRNO_TEXT[error.code ?? ''] ?? error.message));
    });
    child.on('exit', (code, signal) => {
      stopForwarding();
      resolve(signal ? { signal } : { code: code ?? 1 });
    });
  });
}

/** The exit status a shell shows for a process ended by a signal (128 + its number). */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}
