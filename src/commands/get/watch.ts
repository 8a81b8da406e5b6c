import type { ResourceMapping } from '../../discovery/index.js';
import { singleResourceTypeOnly, watchNeedsOneResource } from '../../resources/builder/index.js';
import { Informer } from '../../resources/informer.js';
import type { InformerChange, InformerState } from '../../resources/informer.js';
import { TableOutput } from '../../printers/table/table-output.js';
import type { Table, TableColumnDefinition } from '../../printers/table/table-types.js';
import { tableFromObject } from '../../printers/table/object-rows.js';
import { colorAllowed } from '../../util/io-streams.js';
import type { Factory } from '../../runtime/factory.js';
import type { GetOptions } from './get-options.js';
import { isTableOutput } from './get-options.js';
import { watchPrinterFor } from './object-printer.js';
import { completeItem } from './print-objects.js';
import { tableOptionsFor } from './print-table.js';
import type { GetPlan } from './fetch.js';

/**
 * `get -w` / `--watch-only`: the first list, then one row (or object) per change. Unlike
 * kubectl, a dropped or expired watch resumes (relist on 410 Gone, rewatch from the last
 * resourceVersion, backoff on errors) and says so on stderr; it never ends on its own.
 */
export async function runWatch(
  factory: Factory,
  plan: GetPlan,
  options: GetOptions,
): Promise<void> {
  const request = plan.requests[0];
  if (!request || plan.requests.length !== 1) throw singleResourceTypeOnly();
  if (request.names.length > 1) throw watchNeedsOneResource();
  if (options.tui) {
    const { loadDashboard } = await import('../../dashboard/load-dashboard.js');
    const { runDashboard } = await loadDashboard(factory.streams.out.isTTY === true);
    await runDashboard(factory, {
      type: request.mapping.resource + (request.mapping.group ? `.${request.mapping.group}` : ''),
      allNamespaces: options.allNamespaces,
    });
    return;
  }
  const client = await factory.client();
  const fieldSelector = [
    options.fieldSelector,
    request.names[0] ? `metadata.name=${request.names[0]}` : '',
  ]
    .filter(Boolean)
    .join(',');
  const handle = isTableOutput(options.output)
    ? tableHandler(factory, plan, options)
    : objectHandler(factory, options, request.mapping);
  let initial = true;
  const informer = new Informer(client, request.mapping, {
    ...(request.namespace ? { namespace: request.namespace } : {}),
    labelSelector: options.labelSelector,
    fieldSelector,
    pageSize: options.chunkSize,
    table: isTableOutput(options.output) && options.serverPrint,
    onColumns: (columns) => handle.columns(columns as TableColumnDefinition[]),
    onChange: (changes) => {
      const first = initial;
      initial = false;
      if (first && options.watchOnly) return;
      void handle.changes(changes, first);
    },
    onState: (state) => reportState(factory, state),
  });
  await informer.start();
  if (initial) {
    initial = false;
    if (!options.watchOnly && informer.items.size === 0)
      factory.streams.err.write(noResources(plan, options));
  }
  await new Promise<void>(() => undefined);
}

let lastPhase = 'listing';

function reportState(factory: Factory, state: InformerState): void {
  if (state.phase === lastPhase) return;
  if (state.phase === 'reconnecting') {
    factory.streams.err.write(
      `ktl: the watch was interrupted (${state.lastError ?? 'connection lost'}); reconnecting...\n`,
    );
  } else if (state.phase === 'synced' && lastPhase === 'reconnecting') {
    factory.streams.err.write('ktl: the watch resumed; changes made meanwhile follow\n');
  }
  lastPhase = state.phase;
}

function noResources(plan: GetPlan, options: GetOptions): string {
  const namespaced = plan.requests.some((r) => r.mapping.namespaced);
  return options.allNamespaces || !namespaced
    ? 'No resources found\n'
    : `No resources found in ${plan.namespace} namespace.\n`;
}

interface ChangeHandler {
  columns(columns: TableColumnDefinition[]): void;
  changes(changes: InformerChange[], initial: boolean): Promise<void>;
}

function tableHandler(factory: Factory, plan: GetPlan, options: GetOptions): ChangeHandler {
  const output = new TableOutput((text) => factory.streams.out.write(text));
  const mapping = plan.requests[0]?.mapping;
  const colour = colorAllowed(factory.streams.out, factory.env);
  const printer = output.startType(
    tableOptionsFor(
      plan,
      options,
      mapping?.namespaced ?? false,
      { group: mapping?.group ?? '', kind: mapping?.kind ?? '' },
      colour,
    ),
  );
  let columns: TableColumnDefinition[] = [];
  // --server-print=false: the rows are kubectl's own NAME and AGE, made from the objects.
  const tableOf = (items: InformerChange['item'][]): Table =>
    options.serverPrint
      ? {
          kind: 'Table',
          apiVersion: 'meta.k8s.io/v1',
          columnDefinitions: columns,
          rows: items.map((item) => item.row ?? { cells: [] }),
        }
      : tableFromObject({ items: items.map((item) => item.object) });
  return {
    columns: (definitions) => {
      columns = definitions;
    },
    changes: (changes, initial) => {
      if (initial && !options.outputWatchEvents) {
        printer.printTable(tableOf(changes.map((c) => c.item)));
      } else {
        for (const change of changes) {
          const eventType = options.outputWatchEvents ? change.type : undefined;
          printer.printTable(tableOf([change.item]), eventType);
        }
      }
      output.flush();
      return Promise.resolve();
    },
  };
}

function objectHandler(
  factory: Factory,
  options: GetOptions,
  mapping: ResourceMapping,
): ChangeHandler {
  const print = watchPrinterFor(options, (text) => factory.streams.out.write(text));
  let chain = Promise.resolve();
  return {
    columns: () => undefined,
    changes: (changes) => {
      chain = chain.then(() => {
        for (const change of changes) {
          const object = completeItem(change.item.object, mapping);
          print(options.outputWatchEvents ? { type: change.type, object } : object);
        }
      });
      return chain;
    },
  };
}
