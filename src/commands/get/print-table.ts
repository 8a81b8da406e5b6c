import { TABLE_ACCEPT } from '../../resources/informer-items.js';
import type { HttpClient } from '../../transport/http-client.js';
import { TableOutput } from '../../printers/table/table-output.js';
import type { TablePrinter } from '../../printers/table/table-printer.js';
import { isTable } from '../../printers/table/table-types.js';
import type { Table } from '../../printers/table/table-types.js';
import { tableFromObject } from '../../printers/table/object-rows.js';
import type { TableOptions } from '../../printers/table/decorate.js';
import type { OutputStream } from '../../util/io-streams.js';
import type { GetOptions } from './get-options.js';
import type { GetPlan } from './fetch.js';
import { fetchAll } from './fetch.js';
import { sortTableRows } from './sort.js';

/** Gets (by plan) that have printed a namespaced type with -A. */
const namespaceColumnShown = new WeakSet<GetPlan>();

/**
 * The table options for one resource type of a get, called as each type's first page arrives.
 * With -A, kubectl's NAMESPACE column sticks once a namespaced type was printed (its printer
 * flags are shared), so cluster-scoped types after it get an empty NAMESPACE column.
 */
export function tableOptionsFor(
  plan: GetPlan,
  options: GetOptions,
  namespaced: boolean,
  groupKind: { group: string; kind: string },
  colour: boolean,
): TableOptions {
  if (options.allNamespaces && namespaced) namespaceColumnShown.add(plan);
  const table: TableOptions = {
    wide: options.output === 'wide',
    noHeaders: options.noHeaders,
    withNamespace: options.allNamespaces && namespaceColumnShown.has(plan),
    showLabels: options.showLabels,
    columnLabels: options.labelColumns,
    colour,
  };
  if (plan.withKind) table.withKind = groupKind;
  return table;
}

/**
 * Prints server-side Tables, one table per type. Chunks are decoded and dropped as they arrive;
 * only their cell text is kept until the type is done, because kubectl aligns the columns of
 * the whole list. Returns whether any row was printed.
 */
export async function printTables(
  client: HttpClient,
  plan: GetPlan,
  options: GetOptions,
  out: OutputStream,
  errors: Error[],
  colour: boolean,
): Promise<boolean> {
  const output = new TableOutput((text) => out.write(text));
  let printer: TablePrinter | undefined;
  let currentType = '';
  let rows = 0;
  const sorting = options.sortBy !== '';
  const pending: Table[] = [];
  const settings = {
    accept: options.serverPrint ? TABLE_ACCEPT : 'application/json',
    labelSelector: options.labelSelector,
    fieldSelector: options.fieldSelector,
    chunkSize: sorting ? 0 : options.chunkSize,
    ignoreNotFound: options.ignoreNotFound,
    ...(sorting && options.serverPrint ? { includeObject: 'Object' as const } : {}),
  };
  const flushSorted = async (): Promise<void> => {
    if (!printer || pending.length === 0) return;
    printer.printTable(await sortTableRows(pending, options.sortBy));
    pending.length = 0;
  };
  for await (const chunk of fetchAll(client, plan.requests, settings, errors)) {
    const typeKey = `${chunk.mapping.group}/${chunk.mapping.resource}`;
    if (typeKey !== currentType) {
      await flushSorted();
      currentType = typeKey;
      printer = output.startType(
        tableOptionsFor(
          plan,
          options,
          chunk.mapping.namespaced,
          { group: chunk.mapping.group, kind: chunk.mapping.kind },
          colour,
        ),
      );
    }
    const table = isTable(chunk.body) ? chunk.body : tableFromObject(chunk.body);
    rows += table.rows?.length ?? 0;
    if (sorting) pending.push(table);
    else printer?.printTable(table);
  }
  await flushSorted();
  output.flush();
  return rows > 0;
}
