/** kubectl's -o name: `kind.group/name`, e.g. `deployment.apps/web`, `pod/x`. */

interface NamedObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string };
}

/** The `-o name` line of an object, without the newline. */
export function resourceName(object: NamedObject): string {
  const apiVersion = object.apiVersion ?? '';
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const kind = (object.kind ?? '').toLowerCase();
  const prefix = group === '' ? kind : `${kind}.${group}`;
  // kubectl's NamePrinter: an object without a name prints as <unknown>.
  return `${prefix}/${object.metadata?.name || '<unknown>'}`;
}
