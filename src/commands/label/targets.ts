/**
 * The objects a verb such as label, annotate, scale or patch acts on (kubectl's resource
 * builder): `TYPE NAME...`, `TYPE/NAME...`, or every object of the types matching -l / --all.
 * Named objects are fetched one by one; a failure for one is kept and the others go on.
 */
import type { ResourceMapping } from '../../discovery/index.js';
import { PlainError } from '../../errors/errors.js';
import { listPages } from '../../resources/list.js';
import { objectPath } from '../../resources/resource-ref.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { Factory } from '../../runtime/factory.js';
import type { FileSelect } from './file-targets.js';
import { fileTargets, hasFilenames } from './file-targets.js';
import { explainListError } from './list-error.js';
import { addTarget } from './add-target.js';

/** One object to act on, as the server returned it. */
export interface TargetObject {
  mapping: ResourceMapping;
  name: string;
  namespace: string;
  object: KubeObject;
}

/** How objects are selected besides their names. */
export interface SelectFlags extends FileSelect {
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
}

/** The objects found and the errors met on the way (kubectl's ContinueOnError). */
export interface Targets {
  objects: TargetObject[];
  errors: Error[];
  /** Named objects and their failures in argument order (absent for lists). */
  inOrder?: Array<TargetObject | Error>;
}

/** The objects and failures in the order kubectl's visitor meets them. */
export function targetsInOrder(targets: Targets): Array<TargetObject | Error> {
  return targets.inOrder ?? [...targets.errors, ...targets.objects];
}

const MIXED_FORMS =
  "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'ktl get resource/<resource_name>' instead of 'ktl get resource resource/<resource_name>'";

/** Resolves the resource arguments of a verb to the objects on the server. */
export async function resolveTargets(
  factory: Factory,
  args: readonly string[],
  flags: SelectFlags,
): Promise<Targets> {
  if (flags.all && flags.selector)
    throw new PlainError('cannot set --all and --selector at the same time');
  if (hasFilenames(flags)) return fileTargets(factory, args, flags);
  const mapper = await factory.restMapper();
  const { namespace } = await factory.namespace();
  const scope = (mapping: ResourceMapping): string => (mapping.namespaced ? namespace : '');
  const named: Array<{ mapping: ResourceMapping; name: string }> = [];
  if (args.some((a) => a.includes('/'))) {
    if (!args.every((a) => a.includes('/'))) throw new PlainError(MIXED_FORMS);
    for (const arg of args) {
      const slash = arg.indexOf('/');
      const name = arg.slice(slash + 1);
      if (name === '')
        throw new PlainError(
          'arguments in resource/name form must have a single resource and name',
        );
      named.push({ mapping: await mapper.mappingFor(arg.slice(0, slash)), name });
    }
    return fetchNamed(factory, named, scope);
  }
  const [types = '', ...names] = args;
  const mappings = await mapper.resolveTypes(types);
  if (names.length > 0) {
    if (flags.selector || flags.fieldSelector)
      throw new PlainError('name cannot be provided when a selector is specified');
    for (const mapping of mappings) for (const name of names) named.push({ mapping, name });
    return fetchNamed(factory, named, scope);
  }
  if (!flags.selector && !flags.fieldSelector && !flags.all)
    throw new PlainError('resource(s) were provided, but no name was specified');
  return listSelected(factory, mappings, flags, scope);
}

async function fetchNamed(
  factory: Factory,
  named: Array<{ mapping: ResourceMapping; name: string }>,
  scope: (mapping: ResourceMapping) => string,
): Promise<Targets> {
  const client = await factory.client();
  const result: Targets = { objects: [], errors: [], inOrder: [] };
  for (const { mapping, name } of named) {
    const namespace = scope(mapping);
    await addTarget(result, mapping, name, namespace, () =>
      client.json<KubeObject>({ path: objectPath(mapping, name, namespace) }),
    );
  }
  return result;
}

async function listSelected(
  factory: Factory,
  mappings: ResourceMapping[],
  flags: SelectFlags,
  scope: (mapping: ResourceMapping) => string,
): Promise<Targets> {
  const client = await factory.client();
  const result: Targets = { objects: [], errors: [] };
  for (const mapping of mappings) {
    const pages = listPages<{ items?: KubeObject[]; metadata?: { continue?: string } }>(
      client,
      mapping,
      {
        namespace: flags.allNamespaces ? '' : scope(mapping),
        labelSelector: flags.selector || undefined,
        fieldSelector: flags.fieldSelector || undefined,
        chunkSize: 500,
      },
    );
    for await (const page of explainListError(pages, mapping, flags)) {
      for (const item of page.body.items ?? []) {
        const object = withTypeMeta(item, mapping);
        const meta = object.metadata ?? {};
        result.objects.push({
          mapping,
          name: meta.name ?? '',
          namespace: meta.namespace ?? '',
          object,
        });
      }
    }
  }
  return result;
}

/** List items carry no kind/apiVersion; kubectl's unstructured items get them from the list. */
export function withTypeMeta(object: KubeObject, mapping: ResourceMapping): KubeObject {
  if (object.kind && object.apiVersion) return object;
  const apiVersion = mapping.group === '' ? mapping.version : `${mapping.group}/${mapping.version}`;
  return { apiVersion, kind: mapping.kind, ...object };
}
