/**
 * `ktl replace --force`: kubectl's forceReplace. Every object of the files is deleted (a
 * missing one is fine), each is polled every second until the server says NotFound (--timeout,
 * else 5 minutes), then all are created again and printed as `replaced`.
 */
import { ApiStatusError, PlainError } from '../../errors/errors.js';
import { deleteObject } from '../../resources/actions/delete-object.js';
import type { ManifestInfo } from '../../resources/builder/index.js';
import type { KubeObject } from '../../resources/kube-object.js';
import { collectionPath, kindGroupName, objectPath } from '../../resources/resource-ref.js';
import type { Cascade } from '../../runtime/cascade-flag.js';
import type { Factory } from '../../runtime/factory.js';
import { fieldValidationOf } from '../../runtime/mutation-flags.js';
import type { ValidateMode } from '../../runtime/mutation-flags.js';
import type { ResultPrinter } from '../../runtime/result-printer.js';
import type { HttpClient } from '../../transport/http-client.js';

/** What --force deletes and re-creates with. */
export interface ForceSettings {
  cascade: Cascade;
  gracePeriod: number;
  /** --timeout in ms; 0 means kubectl's 5 minutes. */
  timeoutMs: number;
  output: string;
  validate: ValidateMode;
  fieldManager: string;
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;
const POLL_MS = 1_000;

/** Deletes, waits for, and re-creates each object (`prepare` adds --save-config's annotation). */
export async function forceReplace(
  factory: Factory,
  planned: readonly ManifestInfo[],
  settings: ForceSettings,
  printer: ResultPrinter,
  prepare: (object: KubeObject) => KubeObject,
): Promise<void> {
  const client = await factory.client();
  for (const entry of planned) await deleteIfPresent(factory, client, entry, settings);
  for (const entry of planned) await waitGone(client, entry, settings.timeoutMs);
  for (const entry of planned) {
    const mapping = mappingOf(entry);
    const created = await client.json<KubeObject>({
      method: 'POST',
      path: collectionPath(mapping, entry.namespace || undefined),
      body: JSON.stringify(prepare(entry.object)),
      contentType: 'application/json',
      query: {
        fieldManager: settings.fieldManager,
        fieldValidation: fieldValidationOf(settings.validate),
      },
    });
    await printer.print(mapping, created, 'replaced');
  }
  if (planned.length === 0) throw new PlainError('no objects passed to replace');
}

function mappingOf(entry: ManifestInfo): NonNullable<ManifestInfo['mapping']> {
  if (!entry.mapping) throw entry.mappingError ?? new PlainError(`no mapping for ${entry.name}`);
  return entry.mapping;
}

/** delete's DeleteResult with IgnoreNotFound: `configmap "x" deleted from ns namespace`. */
async function deleteIfPresent(
  factory: Factory,
  client: HttpClient,
  entry: ManifestInfo,
  settings: ForceSettings,
): Promise<void> {
  const mapping = mappingOf(entry);
  const namespace = entry.namespace || undefined;
  try {
    await deleteObject(client, mapping, entry.name, namespace, {
      cascade: settings.cascade,
      gracePeriod: settings.gracePeriod,
    });
  } catch (error) {
    if (error instanceof ApiStatusError && error.isNotFound) return;
    throw error;
  }
  const kind = kindGroupName(mapping);
  const scope = namespace ? ` from ${namespace} namespace` : '';
  factory.streams.out.write(
    settings.output === 'name'
      ? `${kind}/${entry.name}\n`
      : `${kind} "${entry.name}" deleted${scope}\n`,
  );
}

/** wait.PollImmediate(1s, timeout) until the GET is NotFound; another error stops it. */
async function waitGone(client: HttpClient, entry: ManifestInfo, timeoutMs: number): Promise<void> {
  const path = objectPath(mappingOf(entry), entry.name, entry.namespace || undefined);
  const deadline = Date.now() + (timeoutMs > 0 ? timeoutMs : DEFAULT_TIMEOUT_MS);
  for (;;) {
    try {
      await client.json({ method: 'GET', path });
    } catch (error) {
      if (error instanceof ApiStatusError && error.isNotFound) return;
      throw error;
    }
    if (Date.now() >= deadline) throw new PlainError('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
