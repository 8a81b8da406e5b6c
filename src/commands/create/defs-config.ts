/** `create configmap` and `create secret generic|tls|docker-registry` (flag definitions). */
import { Command } from 'commander';
import { asCommandGroup } from '../../runtime/command-group.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { addCreateFlags } from './create-flags.js';
import { collect } from '../../runtime/flag-values.js';

/** The configmap and secret subcommands. */
export function configCommands(context: CommandContext): Command[] {
  const configMap = addCreateFlags(
    new Command('configmap')
      .alias('cm')
      .description('Create a config map from a local file, directory or literal value')
      .usage(
        'NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
      )
      .argument('[args...]'),
  )
    .option(
      '--from-file <[key=]source>',
      'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.',
      collect,
    )
    .option(
      '--from-literal <key=value>',
      'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)',
      collect,
    )
    .option(
      '--from-env-file <path>',
      'Specify the path to a file to read lines of key=val pairs to create a configmap.',
      collect,
    )
    .option('--append-hash', 'Append a hash of the configmap to its name.')
    .action(async (args: string[], opts, command: Command) => {
      const { runCreateConfigMap } = await import('./run-config.js');
      await runCreateConfigMap(factoryFor(context, command), command, args, opts);
    });

  const secret = new Command('secret').description('Create a secret using a specified subcommand');
  asCommandGroup(secret, context.streams, 'stderr');
  secret.addCommand(
    addCreateFlags(
      new Command('docker-registry')
        .description('Create a secret for use with a Docker registry')
        .usage(
          'NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none]',
        )
        .argument('[args...]'),
    )
      .option('--docker-username <user>', 'Username for Docker registry authentication')
      .option('--docker-password <password>', 'Password for Docker registry authentication')
      .option('--docker-email <email>', 'Email for Docker registry')
      .option(
        '--docker-server <server>',
        'Server location for Docker registry',
        'https://index.docker.io/v1/',
      )
      .option(
        '--from-file <[key=]source>',
        'Key files can be specified using their file path, in which case a default name of .dockerconfigjson will be given to them, or optionally with a name and file path, in which case the given name will be used. Specifying a directory will iterate each named file in the directory that is a valid secret key. For this command, the key should always be .dockerconfigjson.',
        collect,
      )
      .option('--append-hash', 'Append a hash of the secret to its name.')
      .action(async (args: string[], opts, command: Command) => {
        const { runCreateDockerSecret } = await import('./run-config.js');
        await runCreateDockerSecret(factoryFor(context, command), command, args, opts);
      }),
  );
  secret.addCommand(
    addCreateFlags(
      new Command('generic')
        .description('Create a secret from a local file, directory, or literal value')
        .usage(
          'NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
        )
        .argument('[args...]'),
    )
      .option(
        '--from-file <[key=]source>',
        'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.',
        collect,
      )
      .option(
        '--from-literal <key=value>',
        'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)',
        collect,
      )
      .option(
        '--from-env-file <path>',
        'Specify the path to a file to read lines of key=val pairs to create a secret.',
        collect,
      )
      .option('--type <type>', 'The type of secret to create')
      .option('--append-hash', 'Append a hash of the secret to its name.')
      .action(async (args: string[], opts, command: Command) => {
        const { runCreateGenericSecret } = await import('./run-config.js');
        await runCreateGenericSecret(factoryFor(context, command), command, args, opts);
      }),
  );
  secret.addCommand(
    addCreateFlags(
      new Command('tls')
        .description('Create a TLS secret')
        .usage(
          'NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none]',
        )
        .argument('[args...]'),
    )
      .option('--cert <path>', 'Path to PEM encoded public key certificate.')
      .option('--key <path>', 'Path to private key associated with given certificate.')
      .option('--append-hash', 'Append a hash of the secret to its name.')
      .action(async (args: string[], opts, command: Command) => {
        const { runCreateTlsSecret } = await import('./run-config.js');
        await runCreateTlsSecret(factoryFor(context, command), command, args, opts);
      }),
  );
  return [configMap, secret];
}
