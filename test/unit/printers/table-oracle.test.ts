/** Table output compared with what kubectl v1.34 printed for the same server-side Tables. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getOptionsFrom } from '../../../src/commands/get/get-options.js';
import { tableOptionsFor } from '../../../src/commands/get/print-table.js';
import type { GetPlan } from '../../../src/commands/get/fetch.js';
import { TableOutput } from '../../../src/printers/table/table-output.js';
import type { Table, TableRow } from '../../../src/printers/table/table-types.js';
import { loadOracle } from './oracle.js';
import type { OracleRun } from './oracle.js';

const oracle = loadOracle('tables');
const KINDS: Record<string, { resource: string; kind: string; namespaced: boolean }> = {
  pod: { resource: 'pods', kind: 'Pod', namespaced: true },
  configmap: { resource: 'configmaps', kind: 'ConfigMap', namespaced: true },
  service: { resource: 'services', kind: 'Service', namespaced: true },
  node: { resource: 'nodes', kind: 'Node', namespaced: false },
};

function kindOf(type: string) {
  const found = KINDS[type.replace(/s$/, '')];
  assert.ok(found, type);
  return found;
}

/** The recorded command line as get's flags and its positional arguments. */
function parseArgs(args: readonly string[]) {
  const labelColumns: string[] = [];
  const positional: string[] = [];
  let output: string | undefined;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '-L') labelColumns.push(args[++i] as string);
    else if (arg === '-o') output = args[++i];
    else if (!arg.startsWith('-')) positional.push(arg);
  }
  const options = getOptionsFrom({
    ...(output === undefined ? {} : { output }),
    allNamespaces: args.includes('-A'),
    headers: !args.includes('--no-headers'),
    showLabels: args.includes('--show-labels'),
    labelColumns,
  });
  return { options, positional };
}

/** The (type, names) requests of a run, in kubectl's order. */
function requests(positional: string[]): Array<{ type: string; names: string[] }> {
  if (positional[0]?.includes('/'))
    return positional.map((p) => ({
      type: p.split('/')[0] as string,
      names: [p.split('/')[1] as string],
    }));
  const [types = '', ...names] = positional;
  return types.split(',').map((type) => ({ type, names }));
}

function tableFor(resource: string, names: string[]): Table {
  const source = oracle.store.tables[resource];
  assert.ok(source);
  const rows = (source.rows as TableRow[]).filter(
    (row) => names.length === 0 || names.includes(String(row.cells[0])),
  );
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    columnDefinitions: source.columnDefinitions as Table['columnDefinitions'],
    rows,
  };
}

function render(recorded: OracleRun): string {
  const { args } = recorded;
  const { options, positional } = parseArgs(args);
  const asked = requests(positional);
  const multiple = new Set(asked.map((r) => kindOf(r.type).kind)).size > 1;
  // Only what get's table options read: the requests themselves are served from the oracle.
  const plan: GetPlan = { requests: [], namespace: '', withKind: multiple, singleObject: false };
  let out = '';
  const output = new TableOutput((text) => (out += text));
  for (const request of asked) {
    const kind = kindOf(request.type);
    const groupKind = { group: '', kind: kind.kind };
    // get's own rule for the NAMESPACE column, kind prefixes, labels, wide and headers.
    const printer = output.startType(
      tableOptionsFor(plan, options, kind.namespaced, groupKind, false),
    );
    printer.printTable(tableFor(kind.resource, request.names));
  }
  output.flush();
  return out;
}

for (const recorded of oracle.runs) {
  test(`table like kubectl: ${recorded.args.join(' ')}`, () => {
    assert.equal(render(recorded), recorded.stdout);
  });
}
