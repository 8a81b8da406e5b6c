/**
 * The nodes `cordon`, `uncordon` and `drain` act on: NODE names (or TYPE/NAME) or -l, read as
 * kubectl's builder reads ResourceNames("nodes", ...) (or -l over nodes) with ContinueOnError:
 * every argument is fetched, and any failure stops the command before a node is touched.
 */
import { MultipleErrors, PlainError } from '../../errors/errors.js';
import type { ResourceMapping } from '../../discovery/index.js';
import { infosInOrder, ResourceBuilder } from '../../resources/builder/index.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { Factory } from '../../runtime/factory.js';

export interface NodeObject extends KubeObject {
  spec?: { unschedulable?: boolean; taints?: unknown[]; [key: string]: unknown };
}

export interface NodeTarget {
  mapping: ResourceMapping;
  node: NodeObject;
}

/** kubectl's check that a TYPE/NAME argument named a node. */
function notANode(mapping: ResourceMapping): PlainError {
  return new PlainError(
    `expected resource of type node, got "${mapping.group}/${mapping.version}, Resource=${mapping.resource}"`,
  );
}

/** The nodes named by the arguments or matched by -l, in argument (or list) order. */
export async function resolveNodes(
  factory: Factory,
  args: readonly string[],
  selector: string | undefined,
): Promise<NodeTarget[]> {
  const builder = new ResourceBuilder(factory);
  if (selector !== undefined && selector !== '')
    builder.labelSelectorParam(selector).resourceTypeOrNameArgs(['nodes']);
  else builder.resourceNames('nodes', args);
  const infos = await builder.infos();
  const errors: Error[] = [];
  const targets: NodeTarget[] = [];
  for (const item of infosInOrder(infos)) {
    if (item instanceof Error) errors.push(item);
    else if (item.mapping.kind !== 'Node') errors.push(notANode(item.mapping));
    else targets.push({ mapping: item.mapping, node: item.object as NodeObject });
  }
  if (errors.length === 1) throw errors[0] as Error;
  if (errors.length > 1) throw new MultipleErrors(errors);
  return targets;
}
