/**
 * ktl started again from the dashboard, for what needs the terminal or runs on its own: a shell
 * (`ktl exec -it`), an editor (`ktl edit`), a port-forward (`ktl port-forward`). The verbs stay
 * the one implementation of each (as k9s runs kubectl for its shells), and the child gets the
 * dashboard's connection flags, so it talks to the same cluster as the same user.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import type { ConfigFlags } from '../../config/config-flags.js';

const STRING_FLAGS: Array<[keyof ConfigFlags, string]> = [
  ['kubeconfig', '--kubeconfig'],
  ['context', '--context'],
  ['cluster', '--cluster'],
  ['user', '--user'],
  ['server', '--server'],
  ['tlsServerName', '--tls-server-name'],
  ['certificateAuthority', '--certificate-authority'],
  ['clientCertificate', '--client-certificate'],
  ['clientKey', '--client-key'],
  ['token', '--token'],
  ['as', '--as'],
  ['asUid', '--as-uid'],
  ['username', '--username'],
  ['password', '--password'],
  ['requestTimeout', '--request-timeout'],
  ['cacheDir', '--cache-dir'],
];

/** The global flags that chose the dashboard's cluster and user, for a child ktl. */
export function connectionArgs(flags: ConfigFlags): string[] {
  const args: string[] = [];
  for (const [key, flag] of STRING_FLAGS) {
    const value = flags[key];
    if (typeof value === 'string' && value !== '') args.push(`${flag}=${value}`);
  }
  if (flags.insecureSkipTlsVerify) args.push('--insecure-skip-tls-verify');
  for (const group of flags.asGroup ?? []) args.push(`--as-group=${group}`);
  return args;
}

/** This ktl: node, its options, and the script it runs (bin/ktl, or the source entry). */
function self(args: string[]): [string, string[]] {
  return [process.execPath, [...process.execArgv, process.argv[1] ?? '', ...args]];
}

/** Runs ktl on the terminal (the dashboard has handed it over); resolves with the exit code. */
export function runOnTerminal(args: string[]): Promise<number> {
  const [command, argv] = self(args);
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Starts ktl in the background with its output piped (a port-forward the dashboard tracks). */
export function startInBackground(args: string[]): ChildProcess {
  const [command, argv] = self(args);
  return spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
}
