/** Deleting one object as `kubectl delete` does: the DeleteOptions body and the request. */
import type { HttpClient } from '../../transport/http-client.js';
import type { ResourceRef } from '../resource-ref.js';
import { objectPath } from '../resource-ref.js';

/** How to delete: kubectl's --cascade, --grace-period (-1: the object's own) and --dry-run=server. */
export interface DeleteRequest {
  cascade: 'background' | 'foreground' | 'orphan';
  gracePeriod: number;
  dryRun?: 'none' | 'client' | 'server';
}

/** `kubectl delete`'s defaults: background cascade, the object's own grace period. */
export const DEFAULT_DELETE: DeleteRequest = { cascade: 'background', gracePeriod: -1 };

/** The DeleteOptions body kubectl sends. */
export function deleteOptionsBody(request: DeleteRequest): string {
  const body: Record<string, unknown> = {
    kind: 'DeleteOptions',
    apiVersion: 'v1',
    propagationPolicy: request.cascade[0]!.toUpperCase() + request.cascade.slice(1),
  };
  if (request.gracePeriod >= 0) body['gracePeriodSeconds'] = request.gracePeriod;
  if (request.dryRun === 'server') body['dryRun'] = ['All'];
  return JSON.stringify(body);
}

/** Sends the DELETE; returns the deleted object's UID ('' when the server does not say). */
export async function deleteObject(
  client: HttpClient,
  ref: ResourceRef,
  name: string,
  namespace: string | undefined,
  request: DeleteRequest = DEFAULT_DELETE,
): Promise<string> {
  const result = await client.json<{ metadata?: { uid?: string }; details?: { uid?: string } }>({
    method: 'DELETE',
    path: objectPath(ref, name, namespace),
    contentType: 'application/json',
    body: deleteOptionsBody(request),
  });
  return result.metadata?.uid ?? result.details?.uid ?? '';
}
