/** `ktl get -f FILE`: the objects a manifest names, fetched from the server by name. */
import { BareError, PlainError } from '../../errors/errors.js';
import { KustomizeError } from '../../resources/kustomize/index.js';
import { planObjects, readFilenameArgs } from '../apply/manifest-objects.js';
import type { Factory } from '../../runtime/factory.js';
import type { FetchRequest } from './fetch.js';
import type { GetOptions } from './get-options.js';
import type { GetPlan } from './run-get.js';

/** The -f/-k objects; a kustomization that fails to build is reported bare, as kubectl get does. */
async function readGetManifests(
  factory: Factory,
  files: Parameters<typeof readFilenameArgs>[1],
): Promise<Awaited<ReturnType<typeof readFilenameArgs>>> {
  try {
    return await readFilenameArgs(factory, files);
  } catch (error) {
    if (error instanceof KustomizeError) throw new BareError(error.message);
    throw error;
  }
}

/** One request per object of the -f inputs, in input order. */
export async function planFromFiles(
  factory: Factory,
  args: readonly string[],
  options: GetOptions,
): Promise<GetPlan> {
  if (args.length > 0)
    throw new PlainError(
      'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
    );
  const files = {
    filename: options.filenames,
    recursive: options.recursive,
    ...(options.kustomize !== undefined ? { kustomize: options.kustomize } : {}),
  };
  const planned = await planObjects(factory, await readGetManifests(factory, files));
  const { namespace } = await factory.namespace();
  const requests: FetchRequest[] = [];
  for (const entry of planned) {
    if (!entry.mapping) throw entry.mappingError ?? new PlainError('no mapping');
    const mapping = entry.mapping;
    const scope = mapping.namespaced ? entry.namespace : undefined;
    const last = requests.at(-1);
    if (last && last.mapping.resource === mapping.resource && last.namespace === scope)
      last.names.push(entry.name);
    else requests.push({ mapping, namespace: scope, names: [entry.name] });
  }
  const kinds = new Set(requests.map((r) => `${r.mapping.group}/${r.mapping.resource}`));
  return {
    requests,
    namespace,
    withKind: options.showKind || kinds.size > 1,
    singleObject: planned.length === 1,
  };
}
