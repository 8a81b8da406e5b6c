/** Where a kind of resource lives on the server: enough to build its URLs. */
export interface ResourceRef {
  group: string;
  version: string;
  /** Plural resource name, e.g. "pods". */
  resource: string;
  kind: string;
  namespaced: boolean;
}

/** core/v1 pods. */
export const PODS_REF: ResourceRef = {
  group: '',
  version: 'v1',
  resource: 'pods',
  kind: 'Pod',
  namespaced: true,
};

/** The collection path, e.g. /api/v1/namespaces/ns/pods or /apis/apps/v1/deployments. */
export function collectionPath(ref: ResourceRef, namespace?: string): string {
  const base = ref.group === '' ? `/api/${ref.version}` : `/apis/${ref.group}/${ref.version}`;
  const scope = ref.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${scope}/${ref.resource}`;
}

/** The path of one object, or of one of its subresources (status, scale...). */
export function objectPath(
  ref: ResourceRef,
  name: string,
  namespace?: string,
  subresource?: string,
): string {
  const path = `${collectionPath(ref, namespace)}/${encodeURIComponent(name)}`;
  return subresource ? `${path}/${subresource}` : path;
}

/** kubectl's `kind.group` or `kind` spelling used in `-o name` and kind-prefixed table rows. */
export function kindGroupName(ref: Pick<ResourceRef, 'kind' | 'group'>): string {
  const kind = ref.kind.toLowerCase();
  return ref.group === '' ? kind : `${kind}.${ref.group}`;
}
