/**
 * `ktl create token -o ...` side by side with kubectl 1.34.4: the TokenRequest printed with
 * kubectl's PrintFlags (typed JSON order, sorted YAML, name, templates), the token alone when
 * only --template is given, and the printer errors raised before any request.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';

/** Tokens, times and uids differ between two requests; everything else must not. */
function maskToken(text: string): string {
  return text
    .replace(/eyJ[A-Za-z0-9_.-]+/g, '<token>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, '<time>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uid>');
}

test('create token: -o, --template and their errors print what kubectl prints', async (t) => {
  const ns = await testNamespace(t, 'token-out');
  await kubectlOk(['create', 'serviceaccount', 'robot', '-n', ns]);
  const cases: string[][] = [
    ['-o', 'json', '--duration=10m'],
    ['-o', 'JSON', '--duration=10m'],
    ['-o', 'yaml', '--audience=a', '--audience=b'],
    ['-o', 'name'],
    ['-o', 'jsonpath={.kind} {.spec.expirationSeconds}', '--duration=1h'],
    ['-o', 'jsonpath-as-json={.spec.audiences}'],
    ['-o', 'go-template', '--template={{.metadata.name}}'],
    ['--template={{.kind}}'],
    ['-o', 'yaml', '--show-managed-fields'],
    ['-o', 'go-template'],
    ['-o', 'bogus'],
    ['--template={{.kind'],
    ['-o', 'jsonpath={.missing}', '--allow-missing-template-keys=false'],
    ['nosuch', '-o', 'yaml'],
  ];
  for (const args of cases) {
    const words = ['create', 'token', ...(args[0] === 'nosuch' ? [] : ['robot']), ...args];
    const [ours, theirs] = await Promise.all([
      ktl([...words, '-n', ns]),
      kubectl([...words, '-n', ns]),
    ]);
    const label = args.join(' ');
    assert.equal(maskToken(ours.stdout), maskToken(theirs.stdout), `stdout of ${label}`);
    // The manager kubectl's user agent gives its request is "kubectl" in both outputs.
    const stderr = (text: string): string => maskToken(text).replaceAll('kubectl', 'ktl');
    assert.equal(stderr(ours.stderr), stderr(theirs.stderr), `stderr of ${label}`);
    assert.equal(ours.code, theirs.code, `exit code of ${label}`);
  }
  const yaml = await ktl(['create', 'token', 'robot', '-o', 'yaml', '-n', ns]);
  assert.match(yaml.stdout, /^kind: TokenRequest$/m);
});
