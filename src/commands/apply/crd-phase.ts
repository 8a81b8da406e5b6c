import { splitApiVersion } from '../../resources/validation/schema-types.js';
import type { Factory } from '../../runtime/factory.js';
import type { ManifestInfo } from '../../resources/builder/index.js';
import { applyNamespace } from '../../resources/builder/index.js';
import type { SchemaSource } from '../../runtime/schema-source.js';

interface CrdStatus {
  spec?: { group?: string; versions?: Array<{ name?: string }> };
  status?: { conditions?: Array<{ type?: string; status?: string }> };
}

const ESTABLISH_TIMEOUT_MS = 30_000;

/**
 * After CRDs of this run were applied: waits until they are Established, then maps the objects
 * whose kinds were unknown before (custom resources of those CRDs) with discovery read afresh.
 */
export async function remapAfterCrds(
  factory: Factory,
  planned: ManifestInfo[],
  crds: ManifestInfo[],
  schemas: SchemaSource,
): Promise<void> {
  const unmapped = planned.filter((p) => !p.mapping);
  if (crds.length === 0) return;
  for (const crd of crds) {
    const spec = (crd.object['spec'] ?? {}) as CrdStatus['spec'];
    for (const version of spec?.versions ?? [])
      schemas.forget(spec?.group ?? '', version.name ?? '');
  }
  if (unmapped.length === 0) return;
  await waitEstablished(
    factory,
    crds.map((c) => c.name),
  );
  // Discovery read afresh: the cache predates the CRDs.
  const mapper = await factory.restMapper('refresh');
  const { namespace, explicit } = await factory.namespace();
  for (const entry of unmapped) {
    try {
      const { group, version } = splitApiVersion(String(entry.object['apiVersion'] ?? ''));
      entry.mapping = await mapper.mappingForGVK({
        group,
        version,
        kind: String(entry.object['kind'] ?? ''),
      });
      delete entry.mappingError;
      entry.namespace = applyNamespace(entry, namespace, explicit);
    } catch (error) {
      entry.mappingError = error as Error;
    }
  }
}

async function waitEstablished(factory: Factory, names: string[]): Promise<void> {
  const client = await factory.client();
  const deadline = Date.now() + ESTABLISH_TIMEOUT_MS;
  for (const name of names) {
    while (Date.now() < deadline) {
      const crd = await client
        .json<CrdStatus>({
          path: `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`,
        })
        .catch(() => undefined);
      if (crd?.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True'))
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
