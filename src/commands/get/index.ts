import { Command, InvalidArgumentError } from 'commander';
import { FlagValueError } from '../../errors/errors.js';
import { boolProblem, collect } from '../../runtime/flag-values.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { GetFlags } from './get-options.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { plainDefault, withHelp } from '../../runtime/command-help.js';

/** A pflag bool with an optional value (`--flag`, `--flag=false`), in pflag's words on error. */
function parseBoolFlag(flag: string): (value: string) => boolean {
  return (value) => {
    if (/^(1|t|T|TRUE|true|True)$/.test(value)) return true;
    if (/^(0|f|F|FALSE|false|False)$/.test(value)) return false;
    throw new InvalidArgumentError(new FlagValueError(flag, value, boolProblem(value)).message);
  };
}

/** kubectl's help for `ktl get` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Display one or many resources.

 Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.

 By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.

Use "ktl api-resources" for a complete list of supported resources.`,
  example: `# List all pods in ps output format
ktl get pods

# List all pods in ps output format with more information (such as node name)
ktl get pods -o wide

# List a single replication controller with specified NAME in ps output format
ktl get replicationcontroller web

# List deployments in JSON output format, in the "v1" version of the "apps" API group
ktl get deployments.v1.apps -o json

# List a single pod in JSON output format
ktl get -o json pod web-pod-13je7

# List a pod identified by type and name specified in "pod.yaml" in JSON output format
ktl get -f pod.yaml -o json

# Return only the phase value of the specified pod
ktl get -o template pod/web-pod-13je7 --template={{.status.phase}}

# List resource information in custom columns
ktl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image

# List all replication controllers and services together in ps output format
ktl get rc,services

# List one or more resources by their type and names
ktl get rc/web service/frontend pods/web-pod-13je7

# List the 'status' subresource for a single pod
ktl get pod web-pod-13je7 --subresource status

# List all deployments in namespace 'backend'
ktl get deployments.apps --namespace backend

# List all pods existing in all namespaces
ktl get pods --all-namespaces`,
  usage:
    '[(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  defaults: { 'chunk-size': plainDefault(500) },
};

/** `ktl get`: display one or many resources. */
export function newGetCommand(context: CommandContext): Command {
  return withHelp(
    new Command('get')
      .description('Display one or many resources.')
      .argument('[args...]', 'TYPE[.VERSION][.GROUP] [NAME ...] | TYPE[.VERSION][.GROUP]/NAME ...')
      .option(
        '-o, --output <format>',
        'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide).',
      )
      .option(
        '-l, --selector <selector>',
        "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.",
      )
      .option(
        '--field-selector <selector>',
        "Selector (field query) to filter on, supports '=', '==', and '!='.",
      )
      .option(
        '-A, --all-namespaces',
        'If present, list the requested object(s) across all namespaces.',
      )
      .option('-w, --watch', 'After listing/getting the requested object, watch for changes.')
      .option(
        '--watch-only',
        'Watch for changes to the requested object(s), without listing/getting first.',
      )
      .option(
        '--output-watch-events',
        'Output watch event objects when --watch or --watch-only is used.',
      )
      .option(
        '--no-headers',
        "When using the default or custom-column output format, don't print headers (default print headers).",
      )
      .option(
        '--show-labels',
        'When printing, show all labels as the last column (default hide labels column)',
      )
      .option(
        '-L, --label-columns <labels>',
        'Accepts a comma separated list of labels that are going to be presented as columns.',
        collect,
      )
      .option(
        '--sort-by <jsonpath>',
        'If non-empty, sort list types using this field specification (a JSONPath expression).',
      )
      .option(
        '--chunk-size <n>',
        'Return large lists in chunks rather than all at once. Pass 0 to disable.',
        '500',
      )
      .option('--show-kind', 'If present, list the resource type for the requested object(s).')
      .option(
        '--show-managed-fields',
        'If true, keep the managedFields when printing objects in JSON or YAML format.',
      )
      .option(
        '--ignore-not-found',
        'If set to true, suppresses NotFound error for specific objects that do not exist.',
      )
      .option(
        '--template <template>',
        'Template string or path to template file to use when -o=go-template, -o=go-template-file.',
      )
      .option(
        '--allow-missing-template-keys [bool]',
        'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
        parseBoolFlag('--allow-missing-template-keys'),
        true,
      )
      .option(
        '--tui',
        'ktl: with -w, open the live dashboard on the requested type instead of printing rows.',
      )
      .option('--raw <path>', 'Raw URI to request from the server.')
      .option(
        '--server-print [bool]',
        'If true, have the server return the appropriate table output. Supports extension APIs and CRDs.',
        parseBoolFlag('--server-print'),
        true,
      )
      .option(
        '--subresource <subresource>',
        'If specified, gets the subresource of the requested object.',
      )
      .option(
        '-f, --filename <file>',
        'Filename, directory, or URL to files identifying the resource to get from a server.',
        collect,
      )
      .option(
        '-R, --recursive',
        'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
      )
      .option(
        '-k, --kustomize <dir>',
        "Process the kustomization directory. This flag can't be used together with -f or -R.",
      )
      .action(async (args: string[], flags: GetFlags, command: Command) => {
        const factory = factoryFor(context, command);
        if (flags.raw !== undefined) {
          const { runGetRaw } = await import('./run-raw.js');
          await runGetRaw(factory, flags.raw);
          return;
        }
        const { runGet } = await import('./run-get.js');
        await runGet(factory, args, flags);
      }),
    HELP,
  );
}
