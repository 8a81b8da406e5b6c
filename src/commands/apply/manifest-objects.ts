import type { ResourceMapping } from '../../discovery/index.js';
import { NoKindMatchError } from '../../discovery/index.js';
import { PlainError } from '../../errors/errors.js';
import type { ManifestObject } from '../../resources/manifest/manifest-types.js';
import { filenameFlagProblem, kustomizeManifests } from '../../resources/kustomize/index.js';
import { readManifests } from '../../resources/manifest/read-manifests.js';
import { splitApiVersion } from '../../resources/validation/schema-types.js';
import type { Factory } from '../../runtime/factory.js';
import type { KubeObject } from '../../resources/kube-object.js';

/** A manifest object with its REST mapping (or why it has none) and its target namespace. */
export interface PlannedObject {
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

/** Options shared by commands that read -f (or -k). */
export interface FilenameOptions {
  filename?: string[];
  recursive?: boolean;
  /** `-k DIR`: the objects of a kustomization instead of files. */
  kustomize?: string;
}

/** Reads the -f inputs of a command, or builds its -k kustomization. */
export async function readFilenameArgs(
  factory: Factory,
  options: FilenameOptions,
): Promise<ManifestObject[]> {
  const problem = filenameFlagProblem(
    options.filename ?? [],
    options.kustomize,
    options.recursive === true,
  );
  if (problem) throw new PlainError(problem);
  if (options.kustomize !== undefined) {
    const { manifests, warnings } = kustomizeManifests(options.kustomize);
    for (const warning of warnings) factory.streams.err.write(`${warning}\n`);
    return manifests;
  }
  return readManifests(options.filename ?? [], {
    recursive: options.recursive === true,
    stdin: factory.streams.in,
  });
}

/** The metadata of an object, as a record. */
export function metadataOf(object: KubeObject): Record<string, unknown> {
  const metadata = object['metadata'];
  return metadata && typeof metadata === 'object' ? (metadata as Record<string, unknown>) : {};
}

/**
 * Maps each object to its resource and applies kubectl's namespace rules: namespaced objects
 * without a namespace get the default one; with an explicit -n, a different namespace in the
 * object is an error. Kinds the server does not know keep their error for later.
 */
export async function planObjects(
  factory: Factory,
  manifests: readonly ManifestObject[],
): Promise<PlannedObject[]> {
  const mapper = await factory.restMapper();
  const { namespace: defaultNamespace, explicit } = await factory.namespace();
  const planned: PlannedObject[] = [];
  for (const [index, manifest] of manifests.entries()) {
    const object = structuredClone(manifest.object);
    const metadata = metadataOf(object);
    const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
    const entry: PlannedObject = { index, manifest, object, name, namespace: '' };
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
    planned.push(entry);
  }
  return planned;
}

/** Fills in or checks the object's namespace; returns the namespace to use. */
export function applyNamespace(
  entry: PlannedObject,
  defaultNamespace: string,
  explicit: boolean,
): string {
  if (entry.mapping && !entry.mapping.namespaced) return '';
  const metadata = metadataOf(entry.object);
  const own = typeof metadata['namespace'] === 'string' ? metadata['namespace'] : '';
  if (own !== '' && explicit && own !== defaultNamespace) {
    throw new PlainError(
      `the namespace from the provided object "${own}" does not match the namespace "${defaultNamespace}". You must pass '--namespace=${own}' to perform this operation.`,
    );
  }
  const namespace = own || defaultNamespace;
  if (entry.mapping) {
    metadata['namespace'] = namespace;
    entry.object['metadata'] = metadata;
  }
  return namespace;
}
