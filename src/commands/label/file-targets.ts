/**
 * The objects a verb acts on when they come from -f manifests (kubectl's FilenameParam): each
 * object's kind is mapped, its namespace checked against -n, and (unless --local) the live
 * object fetched from the server; a failure for one object is kept and the others go on.
 */
import { PlainError } from '../../errors/errors.js';
import { objectPath } from '../../resources/resource-ref.js';
import type { KubeObject } from '../../resources/kube-object.js';
import { planObjects, readFilenameArgs } from '../apply/manifest-objects.js';
import type { Factory } from '../../runtime/factory.js';
import type { Targets } from './targets.js';
import { addTarget } from './add-target.js';

/** Where -f objects come from. */
export interface FileSelect {
  filename?: string[];
  recursive?: boolean;
  /** Use the objects as read, without asking the server (--local). */
  local?: boolean;
}

/** Whether the verb was given -f inputs. */
export function hasFilenames(flags: FileSelect): boolean {
  return (flags.filename?.length ?? 0) > 0;
}

/** Reads the -f inputs and resolves each object they hold. */
export async function fileTargets(
  factory: Factory,
  args: readonly string[],
  flags: FileSelect,
): Promise<Targets> {
  if (args.length > 0)
    throw new PlainError(
      'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
    );
  const planned = await planObjects(factory, await readFilenameArgs(factory, flags));
  const result: Targets = { objects: [], errors: [], inOrder: [] };
  const client = flags.local ? undefined : await factory.client();
  for (const entry of planned) {
    if (!entry.mapping) throw entry.mappingError ?? new PlainError('no mapping');
    const { mapping, name, namespace } = entry;
    await addTarget(result, mapping, name, namespace, async () =>
      client
        ? await client.json<KubeObject>({ path: objectPath(mapping, name, namespace) })
        : (entry.manifest.object as KubeObject),
    );
  }
  return result;
}
