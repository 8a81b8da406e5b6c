import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { plainDefault, withHelp } from '../../runtime/command-help.js';
import { collectList } from '../../runtime/flag-values.js';

const EXAMPLE = `# Print the supported API resources
ktl api-resources

# Print the supported API resources with more information
ktl api-resources -o wide

# Print the supported API resources sorted by a column
ktl api-resources --sort-by=name

# Print the supported namespaced resources
ktl api-resources --namespaced=true

# Print the supported non-namespaced resources
ktl api-resources --namespaced=false

# Print the supported API resources with a specific APIGroup
ktl api-resources --api-group=rbac.authorization.k8s.io`;

/** `ktl api-resources`: the resource types the server supports. */
export function newApiResourcesCommand(context: CommandContext): Command {
  return withHelp(
    new Command('api-resources')
      .description('Print the supported API resources on the server.')
      .argument('[args...]')
      .option(
        '--no-headers',
        "When using the default or custom-column output format, don't print headers (default print headers).",
      )
      .option('-o, --output <format>', 'Output format. One of: (json, yaml, name, wide).', '')
      .option('--api-group <group>', 'Limit to resources in the specified API group.')
      .option(
        '--namespaced [bool]',
        'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.',
      )
      .option(
        '--verbs <verbs>',
        'Limit to resources that support the specified verbs.',
        collectList,
      )
      .option(
        '--categories <categories>',
        'Limit to resources that belong to the specified categories.',
        collectList,
      )
      .option(
        '--sort-by <field>',
        "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.",
        '',
      )
      .option('--cached [bool]', 'Use the cached list of resources if available.')
      // an APIResourceList has no managedFields to keep: kubectl's flag changes nothing either
      .option(
        '--show-managed-fields',
        'If true, keep the managedFields when printing objects in JSON or YAML format.',
      )
      .action(async (args: string[], opts: RawOptions, command: Command) => {
        const factory = factoryFor(context, command);
        const { runApiResources } = await import('./run-api-resources.js');
        await runApiResources(factory, args, {
          output: opts.output,
          noHeaders: opts.headers === false,
          apiGroup: opts.apiGroup,
          namespaced: boolFlag(opts.namespaced),
          verbs: opts.verbs ?? [],
          categories: opts.categories ?? [],
          sortBy: opts.sortBy,
          cached: boolFlag(opts.cached) === true,
        });
      }),
    { example: EXAMPLE, defaults: { namespaced: plainDefault(true) } },
  );
}

interface RawOptions {
  headers: boolean;
  output: string;
  apiGroup?: string;
  namespaced?: string | boolean;
  verbs?: string[];
  categories?: string[];
  sortBy: string;
  cached?: string | boolean;
}

/** A pflag-style boolean: absent, bare (true) or `=true|false`. */
function boolFlag(value: string | boolean | undefined): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  return (
    value !== 'false' &&
    value !== '0' &&
    value !== 'f' &&
    value !== 'F' &&
    value !== 'FALSE' &&
    value !== 'False'
  );
}
