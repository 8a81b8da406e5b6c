import { ApiStatusError } from '../../errors/errors.js';
import type { JsonObject } from '../../resources/patch/json-value.js';
import { collectionPath, objectPath } from '../../resources/resource-ref.js';
import type { ApplyContext, ApplyOutcome } from './apply-context.js';
import type { ManifestInfo } from '../../resources/builder/index.js';
import { deleteObject } from './delete-object.js';

/**
 * kubectl's Patcher.deleteAndCreate (apply --force): delete the live object, wait until it is
 * gone (--timeout, 0 = no limit), create the modified one; if that fails, create the original
 * again and report the failure.
 */
export async function deleteAndCreate(
  entry: ManifestInfo,
  context: ApplyContext,
  live: JsonObject,
  modified: JsonObject,
): Promise<ApplyOutcome> {
  const mapping = entry.mapping!;
  await deleteObject(context.client, context.options, mapping, entry.name, entry.namespace);
  await waitUntilGone(entry, context);
  try {
    return { operation: 'configured', result: await createObject(entry, context, modified) };
  } catch (error) {
    await createObject(entry, context, withoutResourceVersion(live)).catch(() => undefined);
    throw error;
  }
}

async function waitUntilGone(entry: ManifestInfo, context: ApplyContext): Promise<void> {
  const timeoutMs = context.options.timeoutMs ?? 0;
  const deadline = timeoutMs > 0 ? Date.now() + timeoutMs : Infinity;
  for (;;) {
    try {
      await context.client.json({ path: objectPath(entry.mapping!, entry.name, entry.namespace) });
    } catch (error) {
      if (error instanceof ApiStatusError && error.isNotFound) return;
      throw error;
    }
    if (Date.now() >= deadline) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function createObject(
  entry: ManifestInfo,
  context: ApplyContext,
  object: JsonObject,
): Promise<JsonObject> {
  return context.client.json<JsonObject>({
    method: 'POST',
    path: collectionPath(entry.mapping!, entry.namespace),
    query: { fieldManager: context.options.fieldManager },
    contentType: 'application/json',
    body: JSON.stringify(object),
  });
}

function withoutResourceVersion(object: JsonObject): JsonObject {
  const copy = structuredClone(object);
  const metadata = copy['metadata'];
  if (metadata && typeof metadata === 'object' && !Array.isArray(metadata))
    delete metadata['resourceVersion'];
  return copy;
}
