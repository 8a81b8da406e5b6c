/**
 * `run --rm`: deletes what run created once the attach is over, as kubectl's delete does with
 * IgnoreNotFound, no wait, the default grace period and the --cascade propagation.
 */
import { ApiStatusError } from '../../errors/errors.js';
import type { KnownKind } from '../../resources/generators/known-kinds.js';
import { resourcePath } from '../../resources/generators/known-kinds.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { Cascade } from '../../runtime/cascade-flag.js';
import { propagationPolicy } from '../../runtime/cascade-flag.js';
import type { Factory } from '../../runtime/factory.js';

/** One object run created, with where it lives. */
export interface CreatedObject {
  object: KubeObject;
  kind: KnownKind;
}

/** Deletes each object, printing `pod "x" deleted from ns namespace` unless quiet. */
export async function removeCreatedObjects(
  factory: Factory,
  created: readonly CreatedObject[],
  quiet: boolean,
  cascade: Cascade = 'background',
): Promise<void> {
  const client = await factory.client();
  for (const { object, kind } of created) {
    const metadata = (object['metadata'] ?? {}) as { name?: string; namespace?: string };
    const name = metadata.name ?? '';
    const namespace = metadata.namespace ?? '';
    const path = resourcePath(kind, namespace, name);
    try {
      await client.json({ path });
    } catch (error) {
      if (error instanceof ApiStatusError && error.isNotFound) {
        factory.streams.out.write('No resources found\n');
        continue;
      }
      throw error;
    }
    await client.json({
      method: 'DELETE',
      path,
      body: JSON.stringify({ propagationPolicy: propagationPolicy(cascade) }),
      contentType: 'application/json',
    });
    if (quiet) continue;
    const kindName = kind.group
      ? `${kind.kind.toLowerCase()}.${kind.group}`
      : kind.kind.toLowerCase();
    const scope = kind.namespaced ? ` from ${namespace} namespace` : '';
    factory.streams.out.write(`${kindName} "${name}" deleted${scope}\n`);
  }
}
