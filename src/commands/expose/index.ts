import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { factoryFor } from '../command-context.js';
import { addMutationFlags, addPrintFlags, collect } from '../create/flags.js';

/** `ktl expose TYPE NAME`: expose a resource as a new Kubernetes service. */
export function newExposeCommand(context: CommandContext): Command {
  const command = new Command('expose')
    .description(
      'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service.',
    )
    .usage(
      '(-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]',
    )
    .argument('[args...]')
    .option(
      '--protocol <protocol>',
      "The network protocol for the service to be created. Default is 'TCP'.",
    )
    .option(
      '--port <port>',
      'The port that the service should serve on. Copied from the resource being exposed, if unspecified',
    )
    .option(
      '--type <type>',
      "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.",
    )
    .option(
      '--load-balancer-ip <ip>',
      'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).',
    )
    .option(
      '--selector <selector>',
      'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)',
    )
    .option('-l, --labels <labels>', 'Labels to apply to the service created by this call.')
    .option(
      '--target-port <port>',
      'Name or number for the port on the container that the service should direct traffic to. Optional.',
    )
    .option(
      '--external-ip <ip>',
      'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.',
    )
    .option('--name <name>', 'The name for the newly created object.')
    .option(
      '--session-affinity <affinity>',
      "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'",
    )
    .option(
      '--cluster-ip <ip>',
      "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service.",
    )
    .option(
      '--overrides <json>',
      'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.',
      '',
    )
    .option(
      '--override-type <type>',
      'The method used to override the generated object: json, merge, or strategic.',
      'merge',
    )
    .option(
      '-f, --filename <file>',
      'Filename, directory, or URL to files identifying the resource to expose a service',
      collect,
    );
  addMutationFlags(addPrintFlags(command), 'kubectl-expose');
  return command.action(async (args: string[], opts, cmd: Command) => {
    const { runExpose } = await import('./run-expose.js');
    await runExpose(factoryFor(context, cmd), args, opts);
  });
}
