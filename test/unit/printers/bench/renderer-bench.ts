/**
 * Measures the table renderers on 5,000 pod rows: ktl's TabWriter (kubectl's layout) against
 * cli-table3 with borderless chars.  node --import tsx test/unit/printers/bench/renderer-bench.ts
 */
import Table from 'cli-table3';
import { TabWriter } from '../../../../src/resources/tabwriter/tabwriter.js';

const rows: string[][] = [['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']];
for (let i = 0; i < 5000; i++)
  rows.push([
    `pod-${i}-${'x'.repeat(i % 17)}`,
    '1/1',
    i % 7 ? 'Running' : 'Pending',
    String(i % 3),
    '5d',
  ]);

function tabwriter(): string {
  let out = '';
  const w = new TabWriter((t) => (out += t));
  for (const row of rows) w.writeLine(row);
  w.flush();
  return out;
}

const none = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '   ',
};

function cliTable(): string {
  const table = new Table({
    chars: none,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  for (const row of rows) table.push(row);
  return table.toString();
}

function measure(name: string, fn: () => string): void {
  fn();
  const runs = 10;
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / runs;
  console.log(`${name}: ${ms.toFixed(1)} ms per 5,000-row table`);
}

measure('TabWriter (ktl)', tabwriter);
measure('cli-table3 (borderless)', cliTable);
