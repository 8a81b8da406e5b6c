/** `create role|clusterrole|rolebinding|clusterrolebinding` (flag definitions). */
import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { addCreateFlags } from './create-flags.js';
import { collect } from '../../runtime/flag-values.js';
import { flagDefaults, plainDefault } from '../../runtime/command-help.js';

function roleCommand(context: CommandContext, name: 'role' | 'clusterrole'): Command {
  const cluster = name === 'clusterrole';
  const command = addCreateFlags(
    new Command(name)
      .description(cluster ? 'Create a cluster role' : 'Create a role with single rule')
      .usage(
        `NAME --verb=verb --resource=resource.group${cluster ? '' : '/subresource'} [--resource-name=resourcename] [--dry-run=server|client|none]`,
      )
      .argument('[args...]'),
  )
    .option('--verb <verb>', 'Verb that applies to the resources contained in the rule', collect)
    .option('--resource <resource>', 'Resource that the rule applies to', collect)
    .option(
      '--resource-name <name>',
      'Resource in the white list that the rule applies to, repeat this flag for multiple items',
      collect,
    );
  if (cluster) {
    command
      .option('--non-resource-url <url>', 'A partial url that user should have access to.', collect)
      .option(
        '--aggregation-rule <key=value>',
        'An aggregation label selector for combining ClusterRoles.',
        collect,
      );
  }
  return flagDefaults(
    command.action(async (args: string[], opts, cmd: Command) => {
      const { runCreateRole } = await import('./run-rbac.js');
      await runCreateRole(factoryFor(context, cmd), cmd, args, opts, cluster);
    }),
    { ...(cluster ? { 'aggregation-rule': plainDefault('') } : {}) },
  );
}

function bindingCommand(
  context: CommandContext,
  name: 'rolebinding' | 'clusterrolebinding',
): Command {
  const cluster = name === 'clusterrolebinding';
  const what = cluster ? 'clusterrole' : 'role';
  const command = addCreateFlags(
    new Command(name)
      .description(
        cluster
          ? 'Create a cluster role binding for a particular cluster role'
          : 'Create a role binding for a particular role or cluster role',
      )
      .usage(
        `NAME --clusterrole=NAME${cluster ? '' : '|--role=NAME'} [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]`,
      )
      .argument('[args...]'),
  ).option(
    '--clusterrole <name>',
    `ClusterRole this ${cluster ? 'ClusterRoleBinding' : 'RoleBinding'} should reference`,
  );
  if (!cluster) command.option('--role <name>', 'Role this RoleBinding should reference');
  return command
    .option(
      '--user <name>',
      `Usernames to bind to the ${what}. The flag can be repeated to add multiple users.`,
      collect,
    )
    .option(
      '--group <name>',
      `Groups to bind to the ${what}. The flag can be repeated to add multiple groups.`,
      collect,
    )
    .option(
      '--serviceaccount <namespace:name>',
      `Service accounts to bind to the ${what}, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.`,
      collect,
    )
    .action(async (args: string[], opts, cmd: Command) => {
      // --user here names subjects; kubectl's local flag shadows the global kubeconfig --user.
      const { rawFlagValues } = await import('../../runtime/command-args.js');
      const { runCreateBinding } = await import('./run-rbac.js');
      const factory = factoryFor(context, cmd);
      delete factory.flags.user;
      await runCreateBinding(
        factory,
        cmd,
        args,
        { ...opts, user: rawFlagValues(cmd, '--user') },
        cluster,
      );
    });
}

/** The RBAC subcommands. */
export function rbacCommands(context: CommandContext): Command[] {
  return [
    roleCommand(context, 'clusterrole'),
    bindingCommand(context, 'clusterrolebinding'),
    roleCommand(context, 'role'),
    bindingCommand(context, 'rolebinding'),
  ];
}
