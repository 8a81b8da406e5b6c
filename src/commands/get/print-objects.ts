import type { ResourceMapping } from '../../discovery/index.js';
import type { ObjectPrinter } from '../../printers/object-printer.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { OutputStream } from '../../util/io-streams.js';
import type { GetOptions } from './get-options.js';
import { fetchAll } from './fetch.js';
import { formatPrinterFor } from './object-printer.js';
import type { GetPlan } from './fetch.js';

/**
 * Gives a list item the apiVersion and kind that list responses leave out. managedFields are
 * left to the printers (json and yaml hide them; jsonpath and templates see them, as in kubectl).
 */
export function completeItem(item: KubeObject, mapping: ResourceMapping): KubeObject {
  if (item.apiVersion && item.kind) return item;
  const apiVersion = mapping.group ? `${mapping.group}/${mapping.version}` : mapping.version;
  return { ...item, apiVersion: item.apiVersion ?? apiVersion, kind: item.kind ?? mapping.kind };
}

function printerOrError(
  options: GetOptions,
  out: OutputStream,
): { printer?: ObjectPrinter; error?: unknown } {
  try {
    return { printer: formatPrinterFor(options, (text) => out.write(text)) };
  } catch (error) {
    return { error };
  }
}

/**
 * Prints objects in a non-table format (json, yaml, name, jsonpath, templates, custom-columns)
 * as kubectl's printGeneric: one object asked for by name prints as itself, anything else as a
 * List (json, yaml, name and custom-columns streamed as pages arrive). As in kubectl, a failed
 * single object prints nothing, --ignore-not-found with nothing found prints nothing, and a bad
 * -o value is reported after the fetch (instead of the fetch errors of a list).
 * Returns true: kubectl never says "No resources found" for these formats.
 */
export async function printObjects(
  client: HttpClient,
  plan: GetPlan,
  options: GetOptions,
  out: OutputStream,
  errors: Error[],
): Promise<boolean> {
  const { printer, error: printerError } = printerOrError(options, out);
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
      const item = completeItem(raw, chunk.mapping);
      count++;
      if (plan.singleObject && chunk.named) single = item;
      else printer?.item(item);
    }
  }
  if (plan.singleObject && errors.length > 0 && count === 0) return true;
  if (count === 0 && options.ignoreNotFound) return true;
  if (!printer) {
    errors.length = 0;
    throw printerError;
  }
  if (single && count === 1) {
    printer.single(single);
    printer.flush();
  } else printer.end();
  return true;
}
