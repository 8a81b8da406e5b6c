/**
 * Bad input from outside ktl, compared with the same-version kubectl: a kubeconfig path that
 * is a directory, another program answering on the server's port, a 3xx that is not a redirect
 * to follow (300; redirects are in redirects.test.ts). Same stderr, same exit code.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { kubectl, ktl } from '../helpers/cluster.js';

const dir = mkdtempSync(join(tmpdir(), 'ktl-faults-input-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A web server that is not Kubernetes: answers every GET with `code` and an HTML page. */
async function foreignServer(t: { after: (fn: () => unknown) => void }, code: number) {
  const server = createServer((_req, res) => {
    res.writeHead(code, { 'content-type': 'text/html' });
    res.end('<html><body>hello from something else</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function same(args: string[], env: Record<string, string> = {}): Promise<string> {
  const [ours, theirs] = await Promise.all([ktl(args, { env }), kubectl(args, { env })]);
  // kubectl's klog lines (E1207 …) come before its final message; ktl prints only the message.
  const final = theirs.stderr
    .split('\n')
    .filter((line) => !/^[EIW]\d{4} /.test(line))
    .join('\n');
  assert.equal(ours.stderr, final);
  assert.equal(ours.code, theirs.code);
  assert.equal(ours.stdout, theirs.stdout);
  return ours.stderr;
}

test('KUBECONFIG naming a directory fails as kubectl does', async () => {
  const stderr = await same(['get', 'pods'], { KUBECONFIG: dir });
  assert.match(stderr, /is a directory/);
});

test('--kubeconfig naming a directory fails as kubectl does', async () => {
  await same(['--kubeconfig', dir, 'get', 'pods']);
});

test('another program answering 200 with HTML on the server port: Go JSON wording', async (t) => {
  const server = await foreignServer(t, 200);
  const stderr = await same(['-s', server, 'get', 'pods']);
  assert.match(stderr, /invalid character '<' looking for beginning of value/);
});

test('a 3xx answer: the status code named, not "unknown"', async (t) => {
  const server = await foreignServer(t, 300);
  const stderr = await same(['-s', server, 'get', 'pods']);
  assert.match(stderr, /status code 300/);
});
