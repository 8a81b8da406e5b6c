import { NoResourcesError, PlainError, UsageError } from '../../errors/errors.js';
import type { ResourceMapping } from '../../discovery/index.js';
import { listPages } from '../../resources/list.js';
import { explainListError } from '../label/list-error.js';
import { planObjects, readFilenameArgs } from '../apply/manifest-objects.js';
import type { Factory } from '../../runtime/factory.js';
import type { DeleteOptions } from './delete-options.js';

/** One object to delete. */
export interface DeleteTarget {
  mapping: ResourceMapping;
  name: string;
  namespace: string;
}

/**
 * The objects a delete names: from -f manifests, `TYPE/NAME` or `TYPE[,TYPE] NAME...`
 * arguments, or every object of the types matching -l / --field-selector / --all.
 */
export async function resolveTargets(
  factory: Factory,
  options: DeleteOptions,
  commandPath: string,
): Promise<DeleteTarget[]> {
  const label = options.selector.trim();
  const field = options.fieldSelector.trim();
  if (options.all && (label !== '' || field !== ''))
    throw new PlainError("setting 'all' parameter but found a non empty selector. ");
  if (options.filename.length > 0 || options.kustomize !== undefined) {
    if (options.args.length > 0)
      throw new UsageError(
        'a resource cannot be retrieved by name across all namespaces',
        commandPath,
      );
    const planned = await planObjects(factory, await readFilenameArgs(factory, options));
    return planned.map((p) => {
      if (!p.mapping) throw p.mappingError ?? new PlainError('no mapping');
      return { mapping: p.mapping, name: p.name, namespace: p.namespace };
    });
  }
  const selecting = label !== '' || field !== '' || options.all;
  if (selecting) checkSelectorArgs(options.args);
  if (options.args.length === 0) throw new NoResourcesError();
  if (options.all && options.selector !== '')
    throw new PlainError('cannot set --all and --selector at the same time');
  if (options.all && options.fieldSelector !== '')
    throw new PlainError('cannot set --all and --field-selector at the same time');
  const mapper = await factory.restMapper();
  const { namespace } = await factory.namespace();
  const scope = (mapping: ResourceMapping): string => (mapping.namespaced ? namespace : '');
  if (options.args.some((a) => a.includes('/'))) {
    const targets: DeleteTarget[] = [];
    for (const arg of options.args) {
      const slash = arg.indexOf('/');
      if (slash < 0)
        throw new UsageError(
          "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'ktl get resource/<resource_name>' instead of 'ktl get resource resource/<resource_name>'",
          commandPath,
        );
      const mapping = await mapper.mappingFor(arg.slice(0, slash));
      targets.push({ mapping, name: arg.slice(slash + 1), namespace: scope(mapping) });
    }
    return targets;
  }
  const [types = '', ...names] = options.args;
  const mappings = await mapper.resolveTypes(types);
  if (names.length > 0)
    return mappings.flatMap((mapping) =>
      names.map((name) => ({ mapping, name, namespace: scope(mapping) })),
    );
  if (!selecting) throw new PlainError('resource(s) were provided, but no name was specified');
  const targets: DeleteTarget[] = [];
  const client = await factory.client();
  for (const mapping of mappings) {
    const listNamespace = options.allNamespaces ? '' : scope(mapping);
    const pages = listPages<{
      items?: Array<{ metadata?: { name?: string; namespace?: string } }>;
      metadata?: { continue?: string };
    }>(client, mapping, {
      namespace: listNamespace,
      labelSelector: label || undefined,
      fieldSelector: field || undefined,
      chunkSize: 500,
    });
    const selectors = { selector: label, fieldSelector: field };
    for await (const page of explainListError(pages, mapping, selectors))
      for (const item of page.body.items ?? [])
        targets.push({
          mapping,
          name: item.metadata?.name ?? '',
          namespace: item.metadata?.namespace ?? '',
        });
  }
  return targets;
}

/** The resource builder's refusals of names, TYPE/NAME or no type alongside a selector or --all. */
function checkSelectorArgs(args: string[]): void {
  const [types, ...names] = args;
  if (types === undefined)
    throw new PlainError('at least one resource must be specified to use a selector');
  if (args.some((arg) => arg.includes('/')))
    throw new PlainError(
      'selectors and the all flag cannot be used when passing resource/name arguments',
    );
  if (names.length > 0)
    throw new PlainError('name cannot be provided when a selector is specified');
}
