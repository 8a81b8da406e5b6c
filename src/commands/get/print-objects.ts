import type { ResourceMapping } from '../../discovery/index.js';
import { kindGroupName } from '../../resources/resource-ref.js';
import type { KubeObject } from '../../resources/watch-stream.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { OutputStream } from '../../util/io-streams.js';
import type { GetOptions } from './get-options.js';
import { fetchAll } from './fetch.js';
import type { GetPlan } from './run-get.js';
import { objectPrinterFor } from './object-printer.js';

/** Gives a list item the apiVersion and kind that list responses leave out, and hides managedFields. */
export function completeItem(
  item: KubeObject,
  mapping: ResourceMapping,
  showManagedFields: boolean,
): KubeObject {
  const apiVersion = mapping.group ? `${mapping.group}/${mapping.version}` : mapping.version;
  const object: KubeObject = {
    ...item,
    apiVersion: item.apiVersion ?? apiVersion,
    kind: item.kind ?? mapping.kind,
  };
  if (!showManagedFields && object.metadata && 'managedFields' in object.metadata) {
    const metadata = { ...object.metadata };
    delete metadata['managedFields'];
    object.metadata = metadata;
  }
  return object;
}

/**
 * Prints objects in a non-table format (json, yaml, name, jsonpath, templates, custom-columns),
 * item by item as the pages arrive. Returns whether any object was printed.
 */
export async function printObjects(
  client: HttpClient,
  plan: GetPlan,
  options: GetOptions,
  out: OutputStream,
  errors: Error[],
): Promise<boolean> {
  const printer = await objectPrinterFor(options, (text) => out.write(text));
  const settings = {
    accept: 'application/json',
    labelSelector: options.labelSelector,
    fieldSelector: options.fieldSelector,
    chunkSize: options.chunkSize,
    ignoreNotFound: options.ignoreNotFound,
  };
  let count = 0;
  let single: KubeObject | undefined;
  for await (const chunk of fetchAll(client, plan.requests, settings, errors)) {
    const items = Array.isArray(chunk.body.items) ? chunk.body.items : [chunk.body];
    for (const raw of items) {
      const item = completeItem(raw, chunk.mapping, options.showManagedFields);
      count++;
      if (plan.singleObject && chunk.named) single = item;
      else await printer.item(item, kindGroupName(chunk.mapping));
    }
  }
  if (single && count === 1) await printer.single(single, kindGroupName(requestMapping(plan)));
  else await printer.end();
  return count > 0;
}

function requestMapping(plan: GetPlan): ResourceMapping {
  const mapping = plan.requests[0]?.mapping;
  if (!mapping) throw new Error('no request');
  return mapping;
}
