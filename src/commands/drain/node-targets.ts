/**
 * The nodes `cordon`, `uncordon` and `drain` act on: NODE names (or TYPE/NAME) or -l, read as
 * kubectl's builder reads ResourceTypeOrNameArgs(true, "node", ...) with ContinueOnError: every
 * argument is fetched, and any failure stops the command before a node is touched.
 */
import { MultipleErrors, PlainError } from '../../errors/errors.js';
import type { ResourceMapping } from '../../discovery/index.js';
import type { KubeObject } from '../../resources/kube-object.js';
import { collectionPath, objectPath } from '../../resources/resource-ref.js';
import type { Factory } from '../../runtime/factory.js';

export interface NodeObject extends KubeObject {
  spec?: { unschedulable?: boolean; taints?: unknown[]; [key: string]: unknown };
}

export interface NodeTarget {
  mapping: ResourceMapping;
  node: NodeObject;
}

interface NodeList {
  items?: NodeObject[];
}

async function nodeMapping(factory: Factory): Promise<ResourceMapping> {
  return (await factory.restMapper()).mappingFor('nodes');
}

/** One NAME or TYPE/NAME argument, fetched. */
async function fetchArg(factory: Factory, arg: string): Promise<NodeTarget> {
  const slash = arg.indexOf('/');
  const mapping =
    slash < 0
      ? await nodeMapping(factory)
      : await (await factory.restMapper()).mappingFor(arg.slice(0, slash));
  const name = slash < 0 ? arg : arg.slice(slash + 1);
  const client = await factory.client();
  const namespace = mapping.namespaced ? (await factory.namespace()).namespace : undefined;
  const node = await client.json<NodeObject>({ path: objectPath(mapping, name, namespace) });
  if (mapping.kind !== 'Node') {
    const group = mapping.group === '' ? '' : mapping.group;
    throw new PlainError(
      `expected resource of type node, got "${group}/${mapping.version}, Resource=${mapping.resource}"`,
    );
  }
  return { mapping, node };
}

/** The nodes named by the arguments or matched by -l, in argument (or list) order. */
export async function resolveNodes(
  factory: Factory,
  args: readonly string[],
  selector: string | undefined,
): Promise<NodeTarget[]> {
  if (selector !== undefined && selector !== '') {
    const mapping = await nodeMapping(factory);
    const client = await factory.client();
    const list = await client.json<NodeList>({
      path: collectionPath(mapping),
      query: { labelSelector: selector },
    });
    return (list.items ?? []).map((node) => ({ mapping, node }));
  }
  const results = await Promise.allSettled(args.map((arg) => fetchArg(factory, arg)));
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
  if (errors.length === 1) throw errors[0] as Error;
  if (errors.length > 1) throw new MultipleErrors(errors);
  return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
}
