import type { ResourceMapping } from '../../discovery/index.js';
import { AggregateCliError, BareError } from '../../errors/errors.js';
import { KustomizeError } from '../../resources/kustomize/index.js';
import type { ManifestInfo, ResourceInfo, Selection } from '../../resources/builder/index.js';
import {
  hasFilenames,
  MissingResourceTypeError,
  ResourceBuilder,
  singleResourceTypeOnly,
} from '../../resources/builder/index.js';
import { colorAllowed } from '../../util/io-streams.js';
import type { Factory } from '../../runtime/factory.js';
import type { GetFlags, GetOptions } from './get-options.js';
import { getOptionsFrom, isTableOutput } from './get-options.js';
import type { FetchRequest, GetPlan } from './fetch.js';
import { printObjects } from './print-objects.js';
import { printTables } from './print-table.js';

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

/** Resolves types and names into requests with the resource builder (no object is read yet). */
export async function planGet(
  factory: Factory,
  args: string[],
  options: GetOptions,
): Promise<GetPlan> {
  const fromFiles = hasFilenames({ filename: options.filenames, kustomize: options.kustomize });
  if (!fromFiles && args.length === 0) throw new MissingResourceTypeError();
  const selection = await planSelection(
    new ResourceBuilder(factory)
      .filenameParam({
        filename: options.filenames,
        recursive: options.recursive,
        ...(options.kustomize !== undefined ? { kustomize: options.kustomize } : {}),
      })
      .labelSelectorParam(options.labelSelector)
      .fieldSelectorParam(options.fieldSelector)
      .allNamespaces(options.allNamespaces)
      .subresource(options.watch ? '' : options.subresource) // kubectl's watch builder has none
      .resourceTypeOrNameArgs(args, true),
  );
  const { namespace } = await factory.namespace();
  const scope = (info: { mapping: ResourceMapping; namespace: string }): string | undefined =>
    info.mapping.namespaced && (fromFiles || !options.allNamespaces) ? info.namespace : undefined;
  if (selection.kind === 'manifests') {
    const requests = consecutiveRequests(selection.entries, scope, selection.subresource);
    const kinds = new Set(requests.map((r) => `${r.mapping.group}/${r.mapping.resource}`));
    const withKind = options.showKind || kinds.size > 1;
    return { requests, namespace, withKind, singleObject: selection.entries.length === 1 };
  }
  if (selection.kind === 'selected') {
    const requests = selection.requests.map((r) => ({ ...r, namespace: scope(r), names: [] }));
    return {
      requests,
      namespace,
      withKind: options.showKind || requests.length > 1,
      singleObject: false,
    };
  }
  const requests = requestsByType(selection.infos, scope);
  if (selection.args.form === 'types' && requests.length > 1 && options.watch)
    throw singleResourceTypeOnly();
  // kubectl prefixes names with their kind only when several types are printed.
  return {
    requests,
    namespace,
    withKind: options.showKind || requests.length > 1,
    singleObject: selection.infos.length === 1,
  };
}

type Scope = (info: { mapping: ResourceMapping; namespace: string }) => string | undefined;

/** One request per type, its names in argument order. */
/** The builder's plan; a kustomization that fails to build is reported bare, as kubectl get does. */
async function planSelection(builder: ResourceBuilder): Promise<Selection> {
  try {
    return await builder.plan();
  } catch (error) {
    if (error instanceof KustomizeError) throw new BareError(error.message);
    throw error;
  }
}

function requestsByType(infos: readonly ResourceInfo[], scope: Scope): FetchRequest[] {
  const requests: FetchRequest[] = [];
  for (const info of infos) {
    const { mapping } = info;
    const existing = requests.find(
      (r) => r.mapping.resource === mapping.resource && r.mapping.group === mapping.group,
    );
    if (existing) existing.names.push(info.name);
    else
      requests.push({
        mapping,
        namespace: scope(info),
        names: [info.name],
        ...(info.subresource ? { subresource: info.subresource } : {}),
      });
  }
  return requests;
}

/** One request per run of objects of the same type and namespace, in file order. */
function consecutiveRequests(
  entries: readonly ManifestInfo[],
  scope: Scope,
  subresource: string | undefined,
): FetchRequest[] {
  const requests: FetchRequest[] = [];
  for (const entry of entries) {
    if (!entry.mapping) continue;
    const mapping = entry.mapping;
    const namespace = scope({ mapping, namespace: entry.namespace });
    const last = requests.at(-1);
    if (last && last.mapping.resource === mapping.resource && last.namespace === namespace)
      last.names.push(entry.name);
    else
      requests.push({
        mapping,
        namespace,
        names: [entry.name],
        ...(subresource ? { subresource } : {}),
      });
  }
  return requests;
}
