/** `create service clusterip|nodeport|loadbalancer|externalname` (flag definitions). */
import { Command } from 'commander';
import { asCommandGroup } from '../../runtime/command-group.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { addCreateFlags } from './create-flags.js';
import { collect } from '../../runtime/flag-values.js';
import { flagDefaults, plainDefault } from '../../runtime/command-help.js';

const TYPES: ReadonlyArray<[string, string, string, string]> = [
  [
    'clusterip',
    'ClusterIP',
    'Create a ClusterIP service',
    'NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none]',
  ],
  [
    'externalname',
    'ExternalName',
    'Create an ExternalName service',
    'NAME --external-name external.name [--dry-run=server|client|none]',
  ],
  [
    'loadbalancer',
    'LoadBalancer',
    'Create a LoadBalancer service',
    'NAME [--tcp=port:targetPort] [--dry-run=server|client|none]',
  ],
  [
    'nodeport',
    'NodePort',
    'Create a NodePort service',
    'NAME [--tcp=port:targetPort] [--dry-run=server|client|none]',
  ],
];

/** `create service` and its four types. */
export function serviceCommand(context: CommandContext): Command {
  const service = new Command('service')
    .alias('svc')
    .description('Create a service using a specified subcommand');
  asCommandGroup(service, context.streams, 'stderr');
  for (const [name, type, description, usage] of TYPES) {
    const sub = addCreateFlags(
      new Command(name).description(description).usage(usage).argument('[args...]'),
    ).option(
      '--tcp <port:targetPort>',
      "Port pairs can be specified as '<port>:<targetPort>'.",
      collect,
    );
    if (type === 'ClusterIP')
      sub.option(
        '--clusterip <ip>',
        "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing).",
      );
    if (type === 'NodePort')
      flagDefaults(
        sub.option(
          '--node-port <port>',
          'Port used to expose the service on each node in a cluster.',
        ),
        { 'node-port': plainDefault(0) },
      );
    if (type === 'ExternalName') sub.option('--external-name <name>', 'External name of service');
    sub.action(async (args: string[], opts, command: Command) => {
      const { runCreateService } = await import('./run-service.js');
      await runCreateService(factoryFor(context, command), command, args, opts, type);
    });
    service.addCommand(sub);
  }
  return service;
}
