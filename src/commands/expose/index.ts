import { addFilenameFlags } from '../../runtime/filename-flags.js';
import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { addMutationFlags } from '../../runtime/mutation-flags.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { withHelp } from '../../runtime/command-help.js';

/** kubectl's help for `ktl expose` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Expose a resource as a new Kubernetes service.

 Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.

 Possible resources include (case insensitive):

 pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)`,
  example: `# Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000
ktl expose rc nginx --port=80 --target-port=8000

# Create a service for a replication controller identified by type and name specified in "nginx-controller.yaml", which serves on port 80 and connects to the containers on port 8000
ktl expose -f nginx-controller.yaml --port=80 --target-port=8000

# Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"
ktl expose pod valid-pod --port=444 --name=frontend

# Create a second service based on the above service, exposing the container port 8443 as port 443 with the name "nginx-https"
ktl expose service nginx --port=443 --target-port=8443 --name=nginx-https

# Create a service for a replicated streaming application on port 4100 balancing UDP traffic and named 'video-stream'.
ktl expose rc streamer --port=4100 --protocol=UDP --name=video-stream

# Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000
ktl expose rs nginx --port=80 --target-port=8000

# Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000
ktl expose deployment nginx --port=80 --target-port=8000`,
  usage:
    '(-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]',
};

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
    );
  addFilenameFlags(command, 'expose a service');
  addMutationFlags(addPrintFlags(command), 'kubectl-expose');
  return withHelp(
    command.action(async (args: string[], opts, cmd: Command) => {
      const { runExpose } = await import('./run-expose.js');
      await runExpose(factoryFor(context, cmd), args, opts);
    }),
    HELP,
  );
}
