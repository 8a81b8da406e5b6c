import assert from 'node:assert/strict';
import test from 'node:test';
import type { Amount, NodeMetrics, PodMetrics } from '../../resources/metrics/index.js';
import { amountOf } from '../../resources/metrics/index.js';
import { printNodeMetrics, printPodMetrics } from './metrics-printer.js';
import type { PodTableInput } from './metrics-printer.js';

/** Lines laid out as kubectl's tabwriter does: each column its widest cell + 3 (at least 6). */
function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 6, cell.length + 3)));
  return rows.map((row) => row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('') + '\n').join('');
}

function capture(print: (write: (t: string) => void) => void): string {
  let out = '';
  print((t) => (out += t));
  return out;
}

const node = (name: string, cpu: string, memory: string): NodeMetrics => ({
  metadata: { name },
  usage: { cpu, memory },
});
const amounts = (r: Record<string, string>): Map<string, Amount> =>
  new Map(Object.entries(r).map(([k, v]) => [k, amountOf(v)]));

test('top node: usage rounded up to millicores, Mi truncated, % truncated; nodes without metrics last', () => {
  const out = capture((write) =>
    printNodeMetrics(write, {
      metrics: [node('b', '250123456n', '1048576Ki'), node('a', '1', '512Mi')],
      available: new Map([
        ['a', amounts({ cpu: '4', memory: '8Gi' })],
        ['b', amounts({ cpu: '2', memory: '4Gi' })],
        ['c', amounts({ cpu: '2', memory: '4Gi' })],
      ]),
      missing: new Map(),
      showSwap: false,
      noHeaders: false,
      sortBy: '',
    }),
  );
  assert.equal(
    out,
    table([
      ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'],
      ['a', '1000m', '25%', '512Mi', '6%'],
      ['b', '251m', '12%', '1024Mi', '25%'],
      ['c', '<unknown>', '<unknown>', '<unknown>', '<unknown>'],
    ]),
  );
});

test('top node --show-swap --sort-by=memory: <unknown> for a node without swap', () => {
  const out = capture((write) =>
    printNodeMetrics(write, {
      metrics: [
        node('a', '10m', '100Mi'),
        { ...node('b', '5m', '300Mi'), usage: { cpu: '5m', memory: '300Mi', swap: '1Mi' } },
      ],
      available: new Map([
        ['a', amounts({ cpu: '1', memory: '1Gi' })],
        ['b', amounts({ cpu: '1', memory: '1Gi', swap: '4Mi' })],
      ]),
      missing: new Map([['a', new Set(['swap'])]]),
      showSwap: true,
      noHeaders: true,
      sortBy: 'memory',
    }),
  );
  assert.equal(
    out,
    table([
      ['b', '5m', '0%', '300Mi', '29%', '1Mi', '25%'],
      ['a', '10m', '1%', '100Mi', '9%', '<unknown>', '<unknown>'],
    ]),
  );
});

const pod = (
  namespace: string,
  name: string,
  containers: Record<string, [string, string]>,
): PodMetrics => ({
  metadata: { namespace, name },
  containers: Object.entries(containers).map(([c, [cpu, memory]]) => ({
    name: c,
    usage: { cpu, memory },
  })),
});

const pods = [
  pod('ns2', 'a', { x: ['1m', '1Mi'] }),
  pod('ns1', 'b', { y: ['500500n', '1Mi'], x: ['500500n', '2Mi'] }),
];
const base: PodTableInput = {
  metrics: pods,
  showSwap: false,
  noHeaders: false,
  sortBy: '',
  containers: false,
  withNamespace: false,
  sum: false,
};

test('top pod: containers summed exactly before rounding; sorted by name', () => {
  const out = capture((write) => printPodMetrics(write, base));
  assert.equal(
    out,
    table([
      ['NAME', 'CPU(cores)', 'MEMORY(bytes)'],
      ['a', '1m', '1Mi'],
      ['b', '2m', '3Mi'],
    ]),
  );
});

test('top pod -A --containers --sum --sort-by=cpu: namespace and pod columns, the sum rows', () => {
  const out = capture((write) =>
    printPodMetrics(write, {
      ...base,
      withNamespace: true,
      containers: true,
      sum: true,
      sortBy: 'cpu',
    }),
  );
  assert.equal(
    out,
    table([
      ['NAMESPACE', 'POD', 'NAME', 'CPU(cores)', 'MEMORY(bytes)'],
      // equal CPU: containers keep the server's order (Go's sort is stable for so few)
      ['ns1', 'b', 'y', '1m', '1Mi'],
      ['ns1', 'b', 'x', '1m', '2Mi'],
      ['ns2', 'a', 'x', '1m', '1Mi'],
      ['', '', '', '________', '________'],
      ['', '', '', '3m', '4Mi'],
    ]),
  );
});

test('top pod --no-headers --sum: the NAMESPACE column is not counted (as in kubectl)', () => {
  const out = capture((write) =>
    printPodMetrics(write, { ...base, withNamespace: true, noHeaders: true, sum: true }),
  );
  assert.equal(
    out,
    table([
      ['ns1', 'b', '2m', '3Mi'],
      ['ns2', 'a', '1m', '1Mi'],
      ['', '________', '________'],
      ['', '3m', '4Mi'],
    ]),
  );
});

test('top pod with no metrics prints nothing', () => {
  assert.equal(
    capture((write) => printPodMetrics(write, { ...base, metrics: [] })),
    '',
  );
});
