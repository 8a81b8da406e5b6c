import {
  allWithFieldSelector,
  allWithNonEmptySelector,
  allWithSelector,
  hasFilenames,
  listSelected,
  namesWithSelector,
  NoResourcesError,
  ResourceBuilder,
  selectorNeedsResource,
  selectorWithNameForm,
} from '../../resources/builder/index.js';
import type { ResourceInfo } from '../../resources/builder/index.js';
import type { Factory } from '../../runtime/factory.js';
import type { DeleteOptions } from './delete-options.js';

/** One object to delete. */
export type DeleteTarget = ResourceInfo;

/**
 * The objects a delete names: from -f manifests, `TYPE/NAME` or `TYPE[,TYPE] NAME...`
 * arguments, or every object of the types matching -l / --field-selector / --all. Named
 * objects are not read first; a DELETE of a missing one reports NotFound itself.
 */
export async function resolveTargets(
  factory: Factory,
  options: DeleteOptions,
): Promise<DeleteTarget[]> {
  const label = options.selector.trim();
  const field = options.fieldSelector.trim();
  if (options.all && (label !== '' || field !== '')) throw allWithNonEmptySelector();
  const selecting = label !== '' || field !== '' || options.all;
  if (!hasFilenames(options)) {
    if (selecting) checkSelectorArgs(options.args);
    if (options.args.length === 0) throw new NoResourcesError();
    if (options.all && options.selector !== '') throw allWithSelector();
    if (options.all && options.fieldSelector !== '') throw allWithFieldSelector();
  }
  const builder = new ResourceBuilder(factory)
    .filenameParam(options)
    .labelSelectorParam(label)
    .fieldSelectorParam(field)
    .selectAllParam(options.all)
    .allNamespaces(options.allNamespaces)
    .resourceTypeOrNameArgs(options.args)
    .local(true);
  const selection = await builder.plan();
  if (selection.kind === 'manifests')
    return selection.entries.flatMap(({ mapping, name, namespace }) =>
      mapping ? [{ mapping, name, namespace }] : [],
    );
  if (selection.kind === 'named') return selection.infos;
  const client = await factory.client();
  const targets: DeleteTarget[] = [];
  const settings = { ...builder.selectors(), chunkSize: 500 };
  for await (const { mapping, name, namespace } of listSelected(
    client,
    selection.requests,
    settings,
  ))
    targets.push({ mapping, name, namespace });
  return targets;
}

/** The resource builder's refusals of names, TYPE/NAME or no type alongside a selector or --all. */
function checkSelectorArgs(args: string[]): void {
  const [types, ...names] = args;
  if (types === undefined) throw selectorNeedsResource();
  if (args.some((arg) => arg.includes('/'))) throw selectorWithNameForm();
  if (names.length > 0) throw namesWithSelector();
}
