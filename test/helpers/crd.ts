/** What differs between the test CRDs: names, the v1 schema, and printer columns. */
export interface TestCrd {
  group: string;
  plural: string;
  kind: string;
  /** The openAPIV3Schema of version v1. */
  schema: Record<string, unknown>;
  shortNames?: string[];
  categories?: string[];
  printerColumns?: Record<string, unknown>[];
}

/** A namespaced apiextensions.k8s.io/v1 CustomResourceDefinition with one served version, v1. */
export function crdManifest(crd: TestCrd): Record<string, unknown> {
  const names = {
    plural: crd.plural,
    singular: crd.kind.toLowerCase(),
    kind: crd.kind,
    ...(crd.shortNames ? { shortNames: crd.shortNames } : {}),
    ...(crd.categories ? { categories: crd.categories } : {}),
  };
  const version = {
    name: 'v1',
    served: true,
    storage: true,
    schema: { openAPIV3Schema: crd.schema },
    ...(crd.printerColumns ? { additionalPrinterColumns: crd.printerColumns } : {}),
  };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${crd.plural}.${crd.group}` },
    spec: { group: crd.group, scope: 'Namespaced', names, versions: [version] },
  };
}
