import type { ResourceMapping } from '../../discovery/index.js';
import { AggregateCliError, PlainError } from '../../errors/errors.js';
import { colorAllowed } from '../../util/io-streams.js';
import type { Factory } from '../../runtime/factory.js';
import { parseGetArgs } from './get-args.js';
import type { GetFlags, GetOptions } from './get-options.js';
import { getOptionsFrom, isTableOutput } from './get-options.js';
import type { FetchRequest } from './fetch.js';
import { printObjects } from './print-objects.js';
import { printTables } from './print-table.js';

/** A resolved get: the requests to make and how the namespace scope reads in messages. */
export interface GetPlan {
  requests: FetchRequest[];
  namespace: string;
  /** Several types (or --show-kind): names are printed as kind/name. */
  withKind: boolean;
  /** Single object by name (json/yaml print it as itself, not as a List). */
  singleObject: boolean;
}

/** `ktl get TYPE ...`: fetch, then print as a table or in the chosen format. */
export async function runGet(factory: Factory, args: string[], flags: GetFlags): Promise<void> {
  const options = getOptionsFrom(flags, factory.commandPath);
  const plan = await planGet(factory, args, options);
  if (options.watch) {
    const { runWatch } = await import('./watch.js');
    await runWatch(factory, plan, options);
    return;
  }
  const errors: Error[] = [];
  const client = await factory.client();
  const printed = isTableOutput(options.output)
    ? await printTables(
        client,
        plan,
        options,
        factory.streams.out,
        errors,
        colorAllowed(factory.streams.out, factory.env),
      )
    : await printObjects(client, plan, options, factory.streams.out, errors);
  if (
    !printed &&
    errors.length === 0 &&
    !options.ignoreNotFound &&
    !isStructuredList(options.output)
  ) {
    factory.streams.err.write(noResourcesMessage(plan, options));
  }
  if (errors.length > 0) throw new AggregateCliError(errors);
}

function isStructuredList(output: string): boolean {
  return (
    output === 'json' ||
    output === 'yaml' ||
    output.startsWith('jsonpath') ||
    output.startsWith('go-template') ||
    output.startsWith('template')
  );
}

/** kubectl's "No resources found" line (stderr). */
export function noResourcesMessage(plan: GetPlan, options: GetOptions): string {
  const namespaced = plan.requests.some((r) => r.mapping.namespaced);
  if (options.allNamespaces || !namespaced) return 'No resources found\n';
  return `No resources found in ${plan.namespace} namespace.\n`;
}

/** Resolves types and names into requests (kubectl's resource builder for get). */
export async function planGet(
  factory: Factory,
  args: string[],
  options: GetOptions,
): Promise<GetPlan> {
  if (options.filenames.length > 0 || options.kustomize !== undefined) {
    const { planFromFiles } = await import('./file-plan.js');
    return planFromFiles(factory, args, options);
  }
  const target = parseGetArgs(args);
  const mapper = await factory.restMapper();
  const { namespace } = await factory.namespace();
  const scope = (mapping: ResourceMapping): string | undefined =>
    mapping.namespaced && !options.allNamespaces ? namespace : undefined;
  if (target.form === 'typeNames') {
    const requests: FetchRequest[] = [];
    for (const pair of target.pairs) {
      const mapping = await mapper.mappingFor(pair.type);
      const existing = requests.find(
        (r) => r.mapping.resource === mapping.resource && r.mapping.group === mapping.group,
      );
      if (existing) existing.names.push(pair.name);
      else requests.push({ mapping, namespace: scope(mapping), names: [pair.name] });
    }
    const single = target.pairs.length === 1;
    return {
      requests,
      namespace,
      withKind: options.showKind || !single || requests.length > 1,
      singleObject: single,
    };
  }
  const mappings = await mapper.resolveTypes(target.types);
  if (mappings.length > 1 && target.names.length > 0 && options.watch) {
    throw new PlainError('you may only specify a single resource type');
  }
  const requests = mappings.map((mapping) => ({
    mapping,
    namespace: scope(mapping),
    names: [...target.names],
  }));
  const singleObject = mappings.length === 1 && target.names.length === 1;
  return { requests, namespace, withKind: options.showKind || mappings.length > 1, singleObject };
}
