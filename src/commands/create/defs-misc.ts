/** namespace, serviceaccount, quota, priorityclass, poddisruptionbudget, ingress, token. */
import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { addCreateFlags } from './create-flags.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import { collect } from '../../runtime/flag-values.js';
import { flagDefaults, plainDefault, withHelp } from '../../runtime/command-help.js';

/** kubectl's help for `ktl create token`. */
const TOKEN_HELP = {
  long: 'Request a service account token.',
  example: `# Request a token to authenticate to the kube-apiserver as the service account "myapp" in the current namespace
ktl create token myapp

# Request a token for a service account in a custom namespace
ktl create token myapp --namespace myns

# Request a token with a custom expiration
ktl create token myapp --duration 10m

# Request a token with a custom audience
ktl create token myapp --audience https://example.com

# Request a token bound to an instance of a Secret object
ktl create token myapp --bound-object-kind Secret --bound-object-name mysecret

# Request a token bound to an instance of a Secret object with a specific UID
ktl create token myapp --bound-object-kind Secret --bound-object-name mysecret --bound-object-uid 0d4691ed-659b-4935-a832-355f77ee47cc`,
  usage: 'SERVICE_ACCOUNT_NAME',
};

type Runner = 'namespace' | 'serviceaccount' | 'quota' | 'priorityclass' | 'pdb' | 'ingress';

function simple(
  context: CommandContext,
  name: string,
  runner: Runner,
  description: string,
  usage: string,
  alias?: string,
): Command {
  const command = addCreateFlags(
    new Command(name).description(description).usage(usage).argument('[args...]'),
  );
  if (alias) command.alias(alias);
  return command.action(async (args: string[], opts, cmd: Command) => {
    const { runCreateMisc } = await import('./run-misc.js');
    await runCreateMisc(factoryFor(context, cmd), cmd, args, opts, runner);
  });
}

/** The remaining create subcommands. */
export function miscCommands(context: CommandContext): Command[] {
  const quota = simple(
    context,
    'quota',
    'quota',
    'Create a quota with the specified name',
    'NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none]',
    'resourcequota',
  )
    .option(
      '--hard <list>',
      'A comma-delimited set of resource=quantity pairs that define a hard limit.',
    )
    .option(
      '--scopes <list>',
      'A comma-delimited set of quota scopes that must all match each object tracked by the quota.',
    );
  const priorityClass = simple(
    context,
    'priorityclass',
    'priorityclass',
    'Create a priority class with the specified name',
    'NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none]',
    'pc',
  )
    .option('--value <n>', 'the value of this priority class.', '0')
    .option(
      '--global-default [bool]',
      'global-default specifies whether this PriorityClass should be considered as the default priority.',
    )
    .option(
      '--description <text>',
      'description is an arbitrary string that usually provides guidelines on when this priority class should be used.',
      '',
    )
    .option(
      '--preemption-policy <policy>',
      'preemption-policy is the policy for preempting pods with lower priority.',
      'PreemptLowerPriority',
    );
  const pdb = simple(
    context,
    'poddisruptionbudget',
    'pdb',
    'Create a pod disruption budget with the specified name',
    'NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none]',
    'pdb',
  )
    .option(
      '--min-available <n>',
      'The minimum number or percentage of available pods this budget requires.',
      '',
    )
    .option(
      '--max-unavailable <n>',
      'The maximum number or percentage of unavailable pods this budget requires.',
      '',
    )
    .option(
      '--selector <selector>',
      'A label selector to use for this budget. Only equality-based selector requirements are supported.',
      '',
    );
  const ingress = simple(
    context,
    'ingress',
    'ingress',
    'Create an ingress with the specified name',
    'NAME --rule=host/path=service:port[,tls[=secret]] ',
    'ing',
  )
    .option('--class <name>', 'Ingress Class to be used')
    .option(
      '--rule <rule>',
      "Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional.",
      collect,
    )
    .option(
      '--default-backend <svc:port>',
      'Default service for backend, in format of svcname:port',
    )
    .option(
      '--annotation <key=value>',
      'Annotation to insert in the ingress object, in the format annotation=value',
      collect,
    );
  // kubectl's PrintFlags without a default output: the token alone unless -o is given.
  const token = addPrintFlags(
    new Command('token')
      .description('Request a service account token')
      .usage('SERVICE_ACCOUNT_NAME')
      .argument('[args...]'),
  )
    .option(
      '--audience <aud>',
      'Audience of the requested token. If unset, defaults to requesting a token for use with the Kubernetes API server. May be repeated to request a token valid for multiple audiences.',
      collect,
    )
    .option(
      '--duration <duration>',
      'Requested lifetime of the issued token. If not set or if set to 0, the lifetime will be determined by the server automatically. The server may return a token with a longer or shorter lifetime.',
      '0s',
    )
    .option(
      '--bound-object-kind <kind>',
      'Kind of an object to bind the token to. Supported kinds are Node, Pod, Secret. If set, --bound-object-name must be provided.',
    )
    .option(
      '--bound-object-name <name>',
      'Name of an object to bind the token to. The token will expire when the object is deleted. Requires --bound-object-kind.',
    )
    .option(
      '--bound-object-uid <uid>',
      'UID of an object to bind the token to. Requires --bound-object-kind and --bound-object-name. If unset, the UID of the existing object is used.',
    );
  withHelp(token, TOKEN_HELP).action(async (args: string[], opts, cmd: Command) => {
    const { runCreateToken } = await import('./run-token.js');
    await runCreateToken(factoryFor(context, cmd), cmd, args, opts);
  });
  return [
    simple(
      context,
      'namespace',
      'namespace',
      'Create a namespace with the specified name',
      'NAME [--dry-run=server|client|none]',
      'ns',
    ),
    simple(
      context,
      'serviceaccount',
      'serviceaccount',
      'Create a service account with the specified name',
      'NAME [--dry-run=server|client|none]',
      'sa',
    ),
    quota,
    flagDefaults(priorityClass, { value: plainDefault(0) }),
    pdb,
    ingress,
    token,
  ];
}
