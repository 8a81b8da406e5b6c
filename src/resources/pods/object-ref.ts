import type { ResourceMapping } from '../../discovery/index.js';
import type { RestMapper } from '../../discovery/index.js';
import { PODS_REF, objectPath as resourceObjectPath } from '../resource-ref.js';

/** The core/v1 pods mapping, used for a bare NAME (kubectl's ResourceNames("pods", NAME)). */
export const POD_MAPPING: ResourceMapping = {
  ...PODS_REF,
  singularName: 'pod',
  verbs: [],
  shortNames: ['po'],
  categories: ['all'],
};

/** A `TYPE/NAME` or bare pod `NAME` argument, its type resolved by the REST mapper. */
export interface ObjectRef {
  mapping: ResourceMapping;
  name: string;
}

/** Whether a mapping is core/v1 pods (the object is its own pod). */
export function isPodMapping(mapping: ResourceMapping): boolean {
  return mapping.group === '' && mapping.kind === 'Pod';
}

/**
 * Parses `TYPE/NAME` (or NAME, meaning a pod), resolving TYPE as kubectl's builder does:
 * any plural, singular, short name, kind or `resource.group` discovery knows.
 */
export async function resolveObjectRef(
  context: { restMapper(): Promise<RestMapper> },
  arg: string,
): Promise<ObjectRef> {
  const slash = arg.indexOf('/');
  if (slash < 0) return { mapping: POD_MAPPING, name: arg };
  const mapper = await context.restMapper();
  return { mapping: await mapper.mappingFor(arg.slice(0, slash)), name: arg.slice(slash + 1) };
}

/** The REST path of the referenced object in a namespace. */
export function refPath(ref: ObjectRef, namespace: string): string {
  return resourceObjectPath(ref.mapping, ref.name, ref.mapping.namespaced ? namespace : undefined);
}

/** kubectl's `resource.group` spelling of a type in NotFound messages (`deployments.apps`). */
export function groupResource(mapping: ResourceMapping): string {
  return mapping.group === '' ? mapping.resource : `${mapping.resource}.${mapping.group}`;
}
