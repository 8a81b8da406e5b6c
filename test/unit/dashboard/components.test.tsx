import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'ink';
import { Header } from '../../../src/dashboard/components/Header.js';
import { HelpOverlay } from '../../../src/dashboard/components/HelpOverlay.js';
import { ResourceTable } from '../../../src/dashboard/components/ResourceTable.js';
import { Footer } from '../../../src/dashboard/components/Footer.js';
import { connectionText } from '../../../src/dashboard/components/connection-text.js';
import { helpSections } from '../../../src/dashboard/input/keymap.js';
import { TableModel } from '../../../src/dashboard/model/table-model.js';
import { recordedItems, recordedTable } from './recorded.js';

function podsSnapshot() {
  const model = new TableModel({ showNamespace: true });
  model.setColumns(recordedTable('pods-table.json').columnDefinitions);
  model.reset(recordedItems('pods-table.json'));
  return model.snapshot();
}

const ANSI = new RegExp(String.raw`\u001b\[[0-9;]*m`, 'g');
const plain = (text: string): string[] => text.replace(ANSI, '').split('\n');

test('the table draws only the rows that fit, from the offset, each cut to the width', () => {
  const snapshot = podsSnapshot();
  assert.ok(snapshot.rows.length >= 4, 'the recording has enough pods');
  const lines = plain(
    renderToString(
      <ResourceTable
        snapshot={snapshot}
        offset={1}
        selected={2}
        height={3}
        width={60}
        now={Date.now()}
      />,
      { columns: 60 },
    ),
  );
  assert.equal(lines.length, 4, 'a header and three rows');
  assert.match(lines[0] ?? '', /^NAMESPACE\s+NAME\s+READY\s+STA/);
  assert.ok(lines[1]?.includes(snapshot.rows[1]?.name ?? '?'));
  assert.ok(lines[3]?.includes(snapshot.rows[3]?.name ?? '?'));
  assert.ok(lines.every((l) => l.length <= 60));
});

test('AGE is computed at draw time from creationTimestamp, not the server cell', () => {
  const snapshot = podsSnapshot();
  const row = snapshot.rows[0];
  const created = Date.parse(row?.object.metadata?.creationTimestamp ?? '');
  const frame = (now: number): string =>
    plain(
      renderToString(
        <ResourceTable
          snapshot={snapshot}
          offset={0}
          selected={0}
          height={1}
          width={120}
          now={now}
        />,
        { columns: 120 },
      ),
    )[1] ?? '';
  assert.match(frame(created + 42_000), /\s42s\s*$/);
  assert.match(frame(created + 3 * 3600_000), /\s3h\s*$/);
});

test('at 40 columns nothing wraps: every line fits', () => {
  const snapshot = podsSnapshot();
  const text = renderToString(
    <ResourceTable
      snapshot={snapshot}
      offset={0}
      selected={0}
      height={5}
      width={40}
      now={Date.now()}
    />,
    { columns: 40 },
  );
  const lines = plain(text);
  assert.equal(lines.length, 6);
  assert.ok(
    lines.every((l) => l.length <= 40),
    lines.join('\n'),
  );
});

test('the header shows context, server version, namespace, favourites and the connection state', () => {
  const stale = new Date(Date.now() - 12_000);
  const connection = connectionText(
    {
      phase: 'reconnecting',
      staleSince: stale,
      lastError: 'connection refused',
      resourceVersion: '1',
      lists: 1,
    },
    undefined,
    Date.now(),
  );
  const lines = plain(
    renderToString(
      <Header
        context="prod"
        cluster="c1"
        serverVersion="v1.34.4"
        namespace=""
        favourites={['web', 'db']}
        connection={connection}
        readonly
        width={150}
      />,
      { columns: 150 },
    ),
  );
  assert.match(
    lines[0] ?? '',
    /ctx: prod\s+cluster: c1\s+server: v1\.34\.4\s+\[read-only\] reconnecting · stale since \d\d:\d\d:\d\d \(12s\) · connection refused/,
  );
  assert.match(lines[1] ?? '', /ns: all\s+0:all 1:web 2:db/);
  assert.equal(
    connectionText({ phase: 'synced', resourceVersion: '1', lists: 1 }, undefined, 0).text,
    'synced',
  );
});

test('the help overlay lists every key of the keymap and marks mutating keys when read-only', () => {
  const all = helpSections().flatMap((s) => s.keys);
  const text = plain(
    renderToString(<HelpOverlay height={200} width={120} readonly offset={0} />, { columns: 120 }),
  ).join('\n');
  for (const key of all) assert.ok(text.includes(key.help), `help lists ${key.keys}`);
  assert.equal((text.match(/read-only: off/g) ?? []).length, all.filter((k) => k.mutating).length);
});

test('the prompt shows what was typed and the completion', () => {
  const text = plain(
    renderToString(
      <Footer
        state={{
          kind: 'prompt',
          prefix: ':',
          text: 'dep',
          suggestion: 'deployments',
          others: ['deploy'],
        }}
        width={60}
      />,
      { columns: 60 },
    ),
  )[0];
  assert.match(text ?? '', /^:dep loyments\s+deploy/);
});
