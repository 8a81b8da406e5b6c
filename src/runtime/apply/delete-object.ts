import type { ResourceMapping } from '../../discovery/index.js';
import { objectPath } from '../../resources/resource-ref.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { ApplyOptions } from './apply-options.js';

/** DELETE with apply's --cascade, --grace-period and server dry run. */
export async function deleteObject(
  client: HttpClient,
  options: ApplyOptions,
  mapping: ResourceMapping,
  name: string,
  namespace: string,
): Promise<void> {
  const body: Record<string, unknown> = {
    kind: 'DeleteOptions',
    apiVersion: 'v1',
    propagationPolicy: cascadePolicy(options.cascade ?? 'background'),
  };
  const grace = options.gracePeriod ?? -1;
  if (grace >= 0) body['gracePeriodSeconds'] = grace;
  if (options.dryRun === 'server') body['dryRun'] = ['All'];
  await client.json({
    method: 'DELETE',
    path: objectPath(mapping, name, namespace),
    contentType: 'application/json',
    body: JSON.stringify(body),
  });
}

/** `background` → `Background`. */
function cascadePolicy(cascade: string): string {
  return cascade.charAt(0).toUpperCase() + cascade.slice(1);
}
