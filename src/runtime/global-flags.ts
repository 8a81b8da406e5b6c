import { Option } from 'commander';
import type { Command } from 'commander';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ConfigFlags } from '../config/config-flags.js';
import { flagDefaults, plainDefault, stringDefault } from './command-help.js';
import { collect } from './flag-values.js';

/** Adds kubectl's global flags (cli-runtime ConfigFlags plus -v) to the root command. */
export function addGlobalFlags(program: Command): void {
  program
    .option('--kubeconfig <path>', 'Path to the kubeconfig file to use for CLI requests.')
    .option('--context <name>', 'The name of the kubeconfig context to use')
    .option('--cluster <name>', 'The name of the kubeconfig cluster to use')
    .option('--user <name>', 'The name of the kubeconfig user to use')
    .option('-n, --namespace <namespace>', 'If present, the namespace scope for this CLI request')
    .option('-s, --server <url>', 'The address and port of the Kubernetes API server')
    .option(
      '--tls-server-name <name>',
      'Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used',
    )
    .option(
      '--insecure-skip-tls-verify',
      "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure",
    )
    .option('--certificate-authority <path>', 'Path to a cert file for the certificate authority')
    .option('--client-certificate <path>', 'Path to a client certificate file for TLS')
    .option('--client-key <path>', 'Path to a client key file for TLS')
    .option('--token <token>', 'Bearer token for authentication to the API server')
    .option(
      '--as <user>',
      'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.',
    )
    .option('--as-uid <uid>', 'UID to impersonate for the operation.')
    .option(
      '--as-group <group>',
      'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.',
      collect,
    )
    .option('--username <name>', 'Username for basic authentication to the API server')
    .option('--password <password>', 'Password for basic authentication to the API server')
    .option(
      '--request-timeout <duration>',
      "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.",
      '0',
    )
    .option('--cache-dir <dir>', 'Default cache directory')
    .option(
      '--disable-compression',
      'If true, opt-out of response compression for all requests to the server',
    )
    .addOption(new Option('-v, --v <level>', 'number for the log level verbosity').default('0'))
    .option(
      '--warnings-as-errors',
      'Treat warnings received from the server as errors and exit with a non-zero exit code',
    )
    .option('--match-server-version', 'Require server version to match client version')
    // klog's and kubectl's profiling flags: src/cli/process-flags.ts says what ktl does with them
    .option('--log-flush-frequency <duration>', 'Maximum number of seconds between log flushes')
    .option(
      '--vmodule <pattern=N,...>',
      'comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)',
    )
    .option(
      '--profile <name>',
      'Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)',
    )
    .option('--profile-output <path>', 'Name of the file to write the profile to');
  // What kubectl's help says: the cache directory it defaults to, and -v as a number.
  flagDefaults(program, {
    'cache-dir': stringDefault(join(homedir(), '.kube', 'cache')),
    v: plainDefault(0),
    'log-flush-frequency': plainDefault('5s'),
    vmodule: plainDefault(''),
    profile: stringDefault('none'),
    'profile-output': stringDefault('profile.pprof'),
  });
}

/** Reads ConfigFlags out of commander's merged options. */
export function configFlagsFrom(opts: Record<string, unknown>): ConfigFlags {
  const str = (key: string): string | undefined =>
    typeof opts[key] === 'string' ? (opts[key] as string) : undefined;
  const list = (key: string): string[] | undefined =>
    Array.isArray(opts[key]) ? (opts[key] as string[]) : undefined;
  const flags: ConfigFlags = {};
  const assign = <K extends keyof ConfigFlags>(key: K, value: ConfigFlags[K] | undefined): void => {
    if (value !== undefined) flags[key] = value;
  };
  assign('kubeconfig', str('kubeconfig'));
  assign('context', str('context'));
  assign('cluster', str('cluster'));
  assign('user', str('user'));
  assign('namespace', str('namespace'));
  assign('server', str('server'));
  assign('tlsServerName', str('tlsServerName'));
  assign('insecureSkipTlsVerify', opts['insecureSkipTlsVerify'] === true ? true : undefined);
  assign('certificateAuthority', str('certificateAuthority'));
  assign('clientCertificate', str('clientCertificate'));
  assign('clientKey', str('clientKey'));
  assign('token', str('token'));
  assign('as', str('as'));
  assign('asUid', str('asUid'));
  assign('asGroup', list('asGroup'));
  assign('username', str('username'));
  assign('password', str('password'));
  assign('requestTimeout', str('requestTimeout'));
  assign('cacheDir', str('cacheDir'));
  assign('disableCompression', opts['disableCompression'] === true ? true : undefined);
  const level = Number(str('v') ?? '0');
  assign('verbosity', Number.isFinite(level) ? level : 0);
  assign('matchServerVersion', opts['matchServerVersion'] === true ? true : undefined);
  return flags;
}
