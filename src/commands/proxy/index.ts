import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { commandPathOf, factoryFor } from '../../runtime/command-context.js';
import { durationFlag } from '../../runtime/flag-values.js';
import { DEFAULT_FILTER } from './proxy-filter.js';
import { flagDefaults, plainDefault } from '../../runtime/command-help.js';
import type { ProxyFlags } from './proxy-flags.js';

/** `ktl proxy`: a local HTTP proxy to the API server, with kubectl's request filter. */
export function newProxyCommand(context: CommandContext): Command {
  return flagDefaults(
    new Command('proxy')
      .description('Run a proxy to the Kubernetes API server.')
      .usage('[--port=PORT] [--www=static-dir] [--www-prefix=prefix] [--api-prefix=prefix]')
      .option(
        '-p, --port <port>',
        'The port on which to run the proxy. Set to 0 to pick a random port.',
        '8001',
      )
      .option('--address <address>', 'The IP address on which to serve on.', '127.0.0.1')
      .option(
        '--accept-hosts <regexes>',
        'Regular expression for hosts that the proxy should accept.',
        DEFAULT_FILTER.acceptHosts,
      )
      .option(
        '--accept-paths <regexes>',
        'Regular expression for paths that the proxy should accept.',
        DEFAULT_FILTER.acceptPaths,
      )
      .option(
        '--reject-paths <regexes>',
        'Regular expression for paths that the proxy should reject. Paths specified here will be rejected even accepted by --accept-paths.',
        DEFAULT_FILTER.rejectPaths,
      )
      .option(
        '--reject-methods <regexes>',
        "Regular expression for HTTP methods that the proxy should reject (example --reject-methods='POST,PUT,PATCH'). ",
        DEFAULT_FILTER.rejectMethods,
      )
      .option(
        '-w, --www <dir>',
        'Also serve static files from the given directory under the specified prefix.',
      )
      .option(
        '-P, --www-prefix <prefix>',
        'Prefix to serve static files under, if static file directory is specified.',
        '/static/',
      )
      .option('--api-prefix <prefix>', 'Prefix to serve the proxied API under.', '/')
      .option(
        '--disable-filter',
        'If true, disable request filtering in the proxy. This is dangerous, and can leave you vulnerable to XSRF attacks, when used with an accessible port.',
      )
      .option('-u, --unix-socket <path>', 'Unix socket on which to run the proxy.')
      .option(
        '--append-server-path',
        'If true, enables automatic path appending of the kube context server path to each request.',
      )
      .option(
        '--keepalive <duration>',
        'keepalive specifies the keep-alive period for an active network connection. Set to 0 to disable keepalive.',
        '0s',
      )
      .action(async (flags: ProxyFlags, command: Command) => {
        const { runProxy } = await import('./run-proxy.js');
        // pflag parses the duration with the other flags, before anything is served
        const keepaliveMs = durationFlag('--keepalive', flags.keepalive, commandPathOf(command));
        await runProxy(factoryFor(context, command), flags, keepaliveMs);
      }),
    { port: plainDefault(8001) },
  );
}
