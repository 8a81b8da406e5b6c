import { AggregateCliError, ApiStatusError } from '../../errors/errors.js';
import { kindGroupName, objectPath } from '../../resources/resource-ref.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { Factory } from '../../runtime/factory.js';
import { deleteObject } from '../../resources/actions/delete-object.js';
import type { DeleteOptions } from './delete-options.js';
import type { DeleteTarget } from './delete-targets.js';
import { resolveTargets } from './delete-targets.js';
import { readLine } from '../../util/read-line.js';

const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

interface Deleted {
  target: DeleteTarget;
  uid: string;
}

/** `ktl delete`: deletes the named objects, prints kubectl's lines, then waits until they are gone. */
export async function runDelete(factory: Factory, options: DeleteOptions): Promise<void> {
  if (options.force && options.gracePeriod === 0) factory.streams.err.write(FORCE_WARNING);
  const targets = await resolveTargets(factory, options);
  if (targets.length === 0) {
    factory.streams.out.write('No resources found\n');
    return;
  }
  if (options.interactive && !(await confirmed(factory, targets))) {
    factory.streams.out.write('deletion is cancelled\n');
    return;
  }
  const client = await factory.client();
  const errors: Error[] = [];
  const deleted: Deleted[] = [];
  for (const target of targets) {
    try {
      const uid = await deleteOne(client, target, options);
      if (uid === undefined) continue;
      deleted.push({ target, uid });
      factory.streams.out.write(deletedLine(target, options));
    } catch (error) {
      if (error instanceof ApiStatusError && error.isNotFound && options.ignoreNotFound) continue;
      errors.push(error as Error);
    }
  }
  if (options.wait && options.dryRun === 'none')
    await waitGone(client, deleted, options.timeoutMs, errors);
  if (errors.length > 0) throw new AggregateCliError(errors);
}

/**
 * kubectl's confirmation: the objects, then a prompt answered by one line of stdin; only a
 * lone `y` or `Y` on it goes ahead (Fscanln: no answer, or more than one word, is a no).
 */
async function confirmed(factory: Factory, targets: readonly DeleteTarget[]): Promise<boolean> {
  const out = factory.streams.out;
  out.write(`You are about to delete the following ${targets.length} resource(s):\n`);
  for (const target of targets) out.write(`${kindGroupName(target.mapping)}/${target.name}\n`);
  out.write('Do you want to continue? (y/N): ');
  const words = ((await readLine(factory.streams.in)) ?? '').trim().split(/\s+/);
  return words.length === 1 && (words[0] === 'y' || words[0] === 'Y');
}

/** Sends the DELETE (or, under --dry-run=client, checks the object exists); returns its UID. */
async function deleteOne(
  client: HttpClient,
  target: DeleteTarget,
  options: DeleteOptions,
): Promise<string | undefined> {
  const path = objectPath(target.mapping, target.name, target.namespace);
  if (options.dryRun === 'client') {
    const live = await client.json<{ metadata?: { uid?: string } }>({ path });
    return live.metadata?.uid ?? '';
  }
  return deleteObject(client, target.mapping, target.name, target.namespace, options);
}

/** `configmap "a" deleted from ns namespace`, `force deleted`, dry-run suffixes, or -o name. */
export function deletedLine(target: DeleteTarget, options: DeleteOptions): string {
  const kind = kindGroupName(target.mapping);
  if (options.output === 'name') return `${kind}/${target.name}\n`;
  const verb = options.gracePeriod === 0 ? 'force deleted' : 'deleted';
  const scope = target.namespace ? ` from ${target.namespace} namespace` : '';
  const suffix =
    options.dryRun === 'client'
      ? ' (dry run)'
      : options.dryRun === 'server'
        ? ' (server dry run)'
        : '';
  return `${kind} "${target.name}" ${verb}${scope}${suffix}\n`;
}

/** Polls until every deleted object (by UID) is gone, or the timeout passes. */
async function waitGone(
  client: HttpClient,
  deleted: Deleted[],
  timeoutMs: number,
  errors: Error[],
): Promise<void> {
  const deadline = Date.now() + (timeoutMs > 0 ? timeoutMs : 7 * 24 * 3600_000);
  for (const { target, uid } of deleted) {
    const path = objectPath(target.mapping, target.name, target.namespace);
    for (;;) {
      let live: { metadata?: { uid?: string } } | undefined;
      try {
        live = await client.json({ path });
      } catch (error) {
        if (error instanceof ApiStatusError && error.isNotFound) break;
        throw error;
      }
      if (uid && live?.metadata?.uid !== uid) break;
      if (Date.now() > deadline) {
        errors.push(
          new Error(
            `timed out waiting for the condition on ${target.mapping.resource}/${target.name}`,
          ),
        );
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
