import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRowFilter } from '../../../src/dashboard/model/row-filter.js';
import { TableModel } from '../../../src/dashboard/model/table-model.js';
import { USAGE_COLUMNS } from '../../../src/dashboard/model/usage.js';
import type { InformerItem } from '../../../src/resources/informer-items.js';
import { recordedChanges, recordedItems, recordedTable } from './recorded.js';

function model(showNamespace = true, items = recordedItems('pods-table.json')): TableModel {
  const m = new TableModel({ showNamespace });
  m.setColumns(recordedTable('pods-table.json').columnDefinitions);
  m.reset(items);
  return m;
}

const keyOf = (item: InformerItem): string =>
  `${item.object.metadata?.namespace}/${item.object.metadata?.name}`;

/** The recorded pods with their RESTARTS cell (row cell 3) replaced, one value per pod. */
function withRestarts(restarts: (index: number) => string): InformerItem[] {
  return recordedItems('pods-table.json').map((item, index) => {
    assert.ok(item.row);
    const cells = [...item.row.cells];
    cells[3] = restarts(index);
    return { ...item, row: { ...item.row, cells } };
  });
}

test('server Table columns: priority-0 ones by default, wide ones with w, NAMESPACE added for all namespaces', () => {
  const m = model();
  const names = m.snapshot().columns.map((c) => c.name);
  assert.deepEqual(names, ['Namespace', 'Name', 'Ready', 'Status', 'Restarts', 'Age']);
  m.setWide(true);
  assert.deepEqual(
    m
      .snapshot()
      .columns.map((c) => c.name)
      .slice(6),
    ['IP', 'Node', 'Nominated Node', 'Readiness Gates'],
  );
  assert.equal(m.snapshot().rows.length, recordedTable('pods-table.json').rows.length);
});

test('rows are sorted by namespace and name, and carry the status tone', () => {
  // The server lists in that order already: feed them reversed, so the model must sort.
  const recorded = recordedItems('pods-table.json');
  const expected = recorded.map(keyOf).sort();
  const reversed = [...recorded].reverse();
  assert.notDeepEqual(reversed.map(keyOf), expected);
  const snap = model(true, reversed).snapshot();
  assert.deepEqual(
    snap.rows.map((r) => `${r.namespace}/${r.name}`),
    expected,
  );
  assert.ok(
    snap.rows.every((r) => r.tone === 'good'),
    'all recorded pods are Running and ready',
  );
});

test('watch changes: a new pod appears, changes status, and goes away', () => {
  const m = model();
  const before = m.snapshot().total;
  const changes = recordedChanges();
  m.applyChanges(changes.slice(0, 1));
  const added = m.snapshot().rows.find((r) => r.name === 'fixture-pod');
  assert.equal(m.snapshot().total, before + 1);
  assert.equal(added?.cells[3], 'Pending');
  assert.equal(added?.tone, 'waiting');
  m.applyChanges(changes.slice(1, 3));
  assert.equal(m.snapshot().rows.find((r) => r.name === 'fixture-pod')?.cells[3], 'Running');
  m.applyChanges(changes.slice(3));
  assert.equal(m.snapshot().total, before);
  assert.equal(
    m.snapshot().rows.find((r) => r.name === 'fixture-pod'),
    undefined,
  );
});

test('filter: regex, inverse; an invalid regex is an error, not a filter', () => {
  const m = model();
  const total = m.snapshot().total;
  m.setFilter(parseRowFilter('^default web'));
  const web = m.snapshot().rows;
  assert.ok(
    web.length > 0 && web.every((r) => r.namespace === 'default' && r.name.startsWith('web')),
  );
  m.setFilter(parseRowFilter('!^default web'));
  assert.equal(m.snapshot().rows.length, total - web.length);
  const invalid = parseRowFilter('web-(');
  assert.match(invalid?.error ?? '', /Unterminated group/);
  assert.equal(invalid?.test, undefined, 'an invalid regex matches nothing itself');
  m.setFilter(invalid);
  assert.equal(m.snapshot().rows.length, total, 'and hides no row');
  m.setFilter(undefined);
  assert.equal(m.snapshot().rows.length, total);
});

test('sort by any column, numeric where the cells are numbers, and by age from creationTimestamp', () => {
  const m = model();
  m.setSort({ column: 'Ready', descending: true });
  const ready = m.snapshot().rows.map((r) => Number(r.cells[2]?.split('/')[0]));
  assert.deepEqual(
    ready,
    [...ready].sort((a, b) => b - a),
  );
  // counts compare as numbers (10 after 9), which text order would not give; ties by name
  const restarts = ['9', '10', '100 (5m ago)', '2'];
  const counts = model(
    true,
    withRestarts((i) => restarts[i % restarts.length] as string),
  );
  counts.setSort({ column: 'Restarts', descending: false });
  const sorted = counts.snapshot().rows.map((r) => parseInt(r.cells[4] ?? '', 10));
  assert.deepEqual(
    sorted,
    [...sorted].sort((a, b) => a - b),
  );
  assert.notDeepEqual(
    counts.snapshot().rows.map((r) => r.cells[4]),
    counts
      .snapshot()
      .rows.map((r) => r.cells[4] ?? '')
      .sort(),
    'text order differs',
  );
  m.setSort({ column: 'Age', descending: false });
  const created = m.snapshot().rows.map((r) => r.createdAt);
  assert.deepEqual(
    created,
    [...created].sort((a, b) => b - a),
    'youngest first',
  );
});

test('a frame is computed once and reused until something changes', () => {
  const m = model();
  const first = m.snapshot();
  assert.equal(m.snapshot(), first);
  m.setSort({ column: 'Name', descending: true });
  assert.notEqual(m.snapshot(), first);
  assert.ok(m.snapshot().version > first.version);
});

test('usage columns come before AGE, outside wide mode too; rows get their cells by namespace/name, blanks until known', () => {
  const m = model();
  const [first, second] = m.snapshot().rows;
  assert.ok(first && second);
  const usage = new Map([[`${first.namespace}/${first.name}`, ['150m', '64Mi', '50', 'n/a']]]);
  m.setExtraColumns(USAGE_COLUMNS.pods, usage);
  const snapshot = m.snapshot();
  assert.deepEqual(snapshot.columns.map((c) => c.name).slice(0, 10), [
    'Namespace',
    'Name',
    'Ready',
    'Status',
    'Restarts',
    'CPU',
    'MEM',
    '%CPU/R',
    '%MEM/R',
    'Age',
  ]);
  const cells = (uid: string) => {
    const row = m.snapshot().rows.find((r) => r.uid === uid);
    return m
      .snapshot()
      .cellIndex.slice(5, 9)
      .map((i) => row?.cells[i]);
  };
  assert.deepEqual(cells(first.uid), ['150m', '64Mi', '50', 'n/a']);
  assert.deepEqual(cells(second.uid), ['', '', '', '']);
  // Sorting by a usage column compares its cells like any other.
  m.setSort({ column: 'CPU', descending: true });
  assert.equal(m.snapshot().rows[0]?.uid, first.uid);
});

test('rows kept in order change by change are the rows a fresh sort gives, under any sort', () => {
  // Small batches are placed by binary search instead of sorting every row again: after many
  // random adds, changes and deletes, each sort must still give exactly a fresh model's rows.
  const base = recordedItems('pods-table.json');
  const template = base[0];
  assert.ok(template?.row);
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const podItem = (i: number, restarts: number, version: number): InformerItem => {
    const cells = [...(template.row?.cells ?? [])];
    cells[0] = `pod-${String(i).padStart(3, '0')}`;
    cells[3] = String(restarts);
    const metadata = {
      ...template.object.metadata,
      name: `pod-${String(i).padStart(3, '0')}`,
      namespace: `ns-${i % 3}`,
      uid: `uid-${i}`,
      resourceVersion: String(version),
      creationTimestamp: new Date(Date.UTC(2026, 0, 1, 0, i % 50)).toISOString(),
    };
    return { object: { ...template.object, metadata }, row: { ...template.row, cells } };
  };
  const sorts = [
    undefined,
    { column: 'Restarts', descending: false },
    { column: 'Age', descending: true },
    { column: 'Name', descending: true },
  ];
  const columns = recordedTable('pods-table.json').columnDefinitions;
  for (const sort of sorts) {
    const kept = new TableModel({ showNamespace: true });
    kept.setColumns(columns);
    kept.setSort(sort);
    const live = new Map<string, InformerItem>();
    for (let i = 0; i < 120; i++) live.set(`uid-${i}`, podItem(i, random(20), 1));
    kept.reset(live.values());
    kept.snapshot();
    let filter: string | undefined;
    for (let step = 0; step < 300; step++) {
      const batch = [];
      for (let k = 0; k <= random(4); k++) {
        const i = random(160);
        const uid = `uid-${i}`;
        if (live.has(uid) && random(3) === 0) {
          batch.push({ type: 'DELETED' as const, item: live.get(uid) as InformerItem });
          live.delete(uid);
        } else {
          const item = podItem(i, random(20), step + 2);
          batch.push({ type: live.has(uid) ? ('MODIFIED' as const) : ('ADDED' as const), item });
          live.set(uid, item);
        }
      }
      kept.applyChanges(batch);
      if (step % 10 === 0) {
        filter = random(2) === 0 ? 'pod-0' : undefined;
        kept.setFilter(filter === undefined ? undefined : parseRowFilter(filter));
      }
      const fresh = new TableModel({ showNamespace: true });
      fresh.setColumns(columns);
      fresh.setSort(sort);
      fresh.reset(live.values());
      fresh.setFilter(filter === undefined ? undefined : parseRowFilter(filter));
      assert.equal(kept.snapshot().total, live.size);
      assert.deepEqual(
        kept.snapshot().rows.map((r) => r.uid),
        fresh.snapshot().rows.map((r) => r.uid),
        `sort ${JSON.stringify(sort)}, step ${step}`,
      );
    }
  }
});
