import type { ResourceMapping } from '../../discovery/index.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { Targets } from './targets.js';

/** Adds one object to the targets, or the error reading it (both in argument order). */
export async function addTarget(
  result: Targets,
  mapping: ResourceMapping,
  name: string,
  namespace: string,
  read: () => Promise<KubeObject>,
): Promise<void> {
  try {
    const object = await read();
    result.objects.push({ mapping, name, namespace, object });
    result.inOrder?.push({ mapping, name, namespace, object });
  } catch (error) {
    result.errors.push(error as Error);
    result.inOrder?.push(error as Error);
  }
}
