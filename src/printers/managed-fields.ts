/** kubectl hides metadata.managedFields unless --show-managed-fields. */

function strip(object: unknown): unknown {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return object;
  const record = object as Record<string, unknown>;
  const metadata = record['metadata'];
  let result = record;
  if (typeof metadata === 'object' && metadata !== null && 'managedFields' in metadata) {
    const rest = { ...(metadata as Record<string, unknown>) };
    delete rest['managedFields'];
    result = { ...record, metadata: rest };
  }
  if (Array.isArray(result['items'])) result = { ...result, items: result['items'].map(strip) };
  return result;
}

/** A copy of an object (or a List's items) without metadata.managedFields; the input is untouched. */
export function withoutManagedFields<T>(object: T): T {
  return strip(object) as T;
}
