/**
 * Manifest objects made into infos: each kind mapped by the REST mapper and kubectl's namespace
 * rules applied (SetNamespace / RequireNamespace). Kinds the server does not know keep their
 * error, so apply can create a CRD first and map its custom resources afterwards.
 */
import type { ResourceMapping } from '../../discovery/index.js';
import { NoKindMatchError } from '../../discovery/index.js';
import type { KubeObject } from '../kube-object.js';
import type { ManifestObject } from '../manifest/manifest-types.js';
import { positionOf } from '../manifest/manifest-types.js';
import { splitApiVersion } from '../validation/schema-types.js';
import { namespaceMismatch } from './arg-errors.js';
import type { BuilderContext } from './context.js';
import type { InfoSource } from './info.js';

/** A manifest object with its REST mapping (or why it has none) and its target namespace. */
export interface ManifestInfo {
  /** Position in the input, from 0. */
  index: number;
  manifest: ManifestObject;
  /** The object to send: a copy of the manifest with the namespace filled in. */
  object: KubeObject;
  name: string;
  namespace: string;
  mapping?: ResourceMapping;
  /** Why the kind could not be mapped (e.g. a CRD not yet created). */
  mappingError?: Error;
}

/** The metadata of an object, as a record. */
export function metadataOf(object: KubeObject): Record<string, unknown> {
  const metadata = object['metadata'];
  return metadata && typeof metadata === 'object' ? (metadata as Record<string, unknown>) : {};
}

/** Where an info's object was read: file, document and the line its object starts on. */
export function sourceOf(entry: ManifestInfo): InfoSource {
  const { file, document } = entry.manifest.source;
  return { file, document, line: positionOf(entry.manifest.source, []).line, index: entry.index };
}

/**
 * Maps each object to its resource and applies kubectl's namespace rules: namespaced objects
 * without a namespace get the default one; with an explicit -n, a different namespace in the
 * object is an error. Kinds the server does not know keep their error for later.
 */
export async function manifestInfos(
  context: Pick<BuilderContext, 'restMapper' | 'namespace'>,
  manifests: readonly ManifestObject[],
): Promise<ManifestInfo[]> {
  const mapper = await context.restMapper();
  const { namespace: defaultNamespace, explicit } = await context.namespace();
  const infos: ManifestInfo[] = [];
  for (const [index, manifest] of manifests.entries()) {
    const object = structuredClone(manifest.object);
    const metadata = metadataOf(object);
    const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
    const entry: ManifestInfo = { index, manifest, object, name, namespace: '' };
    try {
      const { group, version } = splitApiVersion(String(object['apiVersion'] ?? ''));
      entry.mapping = await mapper.mappingForGVK({
        group,
        version,
        kind: String(object['kind'] ?? ''),
      });
    } catch (error) {
      if (!(error instanceof NoKindMatchError)) throw error;
      entry.mappingError = error;
    }
    entry.namespace = applyNamespace(entry, defaultNamespace, explicit);
    infos.push(entry);
  }
  return infos;
}

/**
 * kubectl's Local() builder: each object as read, "mapped" from its own apiVersion and kind
 * without asking the server (its namespace is not filled in); an object whose namespace
 * differs from an explicit -n keeps kubectl's error, reported when it is visited.
 */
export async function offlineManifestInfos(
  context: Pick<BuilderContext, 'namespace'>,
  manifests: readonly ManifestObject[],
): Promise<ManifestInfo[]> {
  const { namespace: defaultNamespace, explicit } = await context.namespace();
  return manifests.map((manifest, index) => {
    const object = manifest.object as KubeObject;
    const metadata = metadataOf(object);
    const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
    const own = typeof metadata['namespace'] === 'string' ? metadata['namespace'] : '';
    const { group, version } = splitApiVersion(String(object['apiVersion'] ?? ''));
    const kind = String(object['kind'] ?? '');
    const mapping: ResourceMapping = {
      group,
      version,
      kind,
      resource: '',
      namespaced: true,
      singularName: kind.toLowerCase(),
      verbs: [],
      shortNames: [],
      categories: [],
      synthetic: true,
    };
    const entry: ManifestInfo = { index, manifest, object, name, mapping, namespace: '' };
    if (own !== '' && explicit && own !== defaultNamespace)
      entry.mappingError = namespaceMismatch(own, defaultNamespace);
    entry.namespace = own || defaultNamespace;
    return entry;
  });
}

/** Fills in or checks the object's namespace; returns the namespace to use. */
export function applyNamespace(
  entry: ManifestInfo,
  defaultNamespace: string,
  explicit: boolean,
): string {
  if (entry.mapping && !entry.mapping.namespaced) return '';
  const metadata = metadataOf(entry.object);
  const own = typeof metadata['namespace'] === 'string' ? metadata['namespace'] : '';
  if (own !== '' && explicit && own !== defaultNamespace)
    throw namespaceMismatch(own, defaultNamespace);
  const namespace = own || defaultNamespace;
  if (entry.mapping) {
    metadata['namespace'] = namespace;
    entry.object['metadata'] = metadata;
  }
  return namespace;
}
