import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildRestConfig } from './client-config.js';
import { kubeConfigPaths, loadKubeConfig } from './kubeconfig-loader.js';
import { defaultWriteTarget } from './kubeconfig-write.js';

function files(): { dir: string; a: string; b: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-merge-'));
  mkdirSync(join(dir, 'one'));
  mkdirSync(join(dir, 'two'));
  const a = join(dir, 'one', 'config');
  const b = join(dir, 'two', 'config');
  writeFileSync(
    a,
    `clusters:
- name: c
  cluster: {server: "https://a:1", certificate-authority: ca.crt}
users:
- name: u
  user: {client-certificate: certs/u.crt, client-key: /abs/u.key, tokenFile: tok, exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: ./bin/plugin}}
contexts:
- name: x
  context: {cluster: c, user: u}
`,
  );
  writeFileSync(
    b,
    `current-context: x
clusters:
- name: c
  cluster: {server: "https://b:1", insecure-skip-tls-verify: true}
- name: d
  cluster: {server: "https://d:1"}
contexts:
- name: x
  context: {cluster: d, user: u, namespace: from-b}
- name: y
  context: {cluster: d, namespace: ns-y}
`,
  );
  return { dir, a, b };
}

test('KUBECONFIG: duplicates dropped, --kubeconfig alone wins', () => {
  assert.deepEqual(kubeConfigPaths(undefined, { KUBECONFIG: '/a::/b:/a' }), ['/a', '/b']);
  assert.deepEqual(kubeConfigPaths('/only', { KUBECONFIG: '/a:/b' }), ['/only']);
  assert.deepEqual(kubeConfigPaths(undefined, { HOME: '/home/me' }), ['/home/me/.kube/config']);
});

test('merge: first file wins whole stanzas, first non-empty current-context wins', async () => {
  const { a, b } = files();
  const config = await loadKubeConfig(undefined, { KUBECONFIG: `${a}:/missing:${b}` });
  assert.equal(config.currentContext, 'x');
  assert.deepEqual(config.clusters.get('c')?.value, {
    server: 'https://a:1',
    'certificate-authority': 'ca.crt',
  });
  assert.equal(config.contexts.get('x')?.value.namespace, undefined);
  assert.equal(config.contexts.get('y')?.origin, b);
});

test('relative paths resolve against the file that defined them; bare commands use PATH', async () => {
  const { dir, a, b } = files();
  const config = await loadKubeConfig(undefined, { KUBECONFIG: `${a}:${b}` });
  assert.throws(() => buildRestConfig(config, {}, {}), /unable to read file/);
  const rest = (() => {
    try {
      return buildRestConfig(config, {}, {});
    } catch (error) {
      return String(error);
    }
  })();
  assert.match(String(rest), new RegExp(join(dir, 'one', 'ca.crt')));
  const withInsecure = buildRestConfig(
    config,
    { insecureSkipTlsVerify: true, clientCertificate: '/dev/null', clientKey: '/dev/null' },
    {},
  );
  assert.equal(withInsecure.tokenFile, join(dir, 'one', 'tok'));
  assert.equal(withInsecure.exec?.command, join(dir, 'one', 'bin', 'plugin'));
});

test('overrides: -n, --context, --server resets tls-server-name, namespace default', async () => {
  const { a, b } = files();
  const config = await loadKubeConfig(undefined, { KUBECONFIG: `${b}:${a}` });
  const y = buildRestConfig(config, { context: 'y' }, {});
  assert.equal(y.host, 'https://d:1');
  assert.equal(y.namespace, 'ns-y');
  const n = buildRestConfig(config, { context: 'y', namespace: 'flag' }, {});
  assert.equal(n.namespace, 'flag');
  assert.equal(n.namespaceExplicit, true);
  const x = buildRestConfig(config, { server: 'k8s.example:6443', cluster: 'd' }, {});
  assert.equal(x.host, 'http://k8s.example:6443');
  assert.equal(x.namespace, 'from-b');
  assert.throws(
    () => buildRestConfig(config, { context: 'nope' }, {}),
    /context "nope" does not exist/,
  );
});

test('write target: --kubeconfig, the only KUBECONFIG entry, the first existing one, else the last', () => {
  const { a, b } = files();
  assert.equal(defaultWriteTarget('/flag', { KUBECONFIG: a }), '/flag');
  assert.equal(defaultWriteTarget(undefined, { KUBECONFIG: '/nope' }), '/nope');
  assert.equal(defaultWriteTarget(undefined, { KUBECONFIG: `/nope:${b}:${a}` }), b);
  assert.equal(defaultWriteTarget(undefined, { KUBECONFIG: '/nope:/also-nope' }), '/also-nope');
  assert.equal(defaultWriteTarget(undefined, { HOME: '/h' }), '/h/.kube/config');
});
