import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeKuberc, explicitKubercPath, splitYamlDocuments } from './kuberc.js';

const HEADER = 'apiVersion: kubectl.config.k8s.io/v1beta1\nkind: Preference\n';

test('v1beta1 defaults/options and v1alpha1 overrides/flags read into one shape', async () => {
  const beta = await decodeKuberc(
    `${HEADER}defaults:\n- command: get\n  options: [{name: output, default: wide}]\naliases:\n- {name: gc, command: get, prependArgs: [cm], options: [{name: namespace, default: x}]}\n`,
  );
  const alpha = await decodeKuberc(
    'apiVersion: kubectl.config.k8s.io/v1alpha1\nkind: Preference\noverrides:\n- command: get\n  flags: [{name: output, default: wide}]\naliases:\n- {name: gc, command: get, prependArgs: [cm], flags: [{name: namespace, default: x}]}\n',
  );
  const expected = {
    preference: {
      defaults: [{ command: 'get', options: [{ name: 'output', default: 'wide' }] }],
      aliases: [
        {
          name: 'gc',
          command: 'get',
          prependArgs: ['cm'],
          appendArgs: [],
          options: [{ name: 'namespace', default: 'x' }],
        },
      ],
    },
  };
  assert.deepEqual(beta, expected);
  assert.deepEqual(alpha, expected);
});

test('strict problems: duplicate keys (their value’s line) first, then unknown fields sorted', async () => {
  const decoded = await decodeKuberc(
    `${HEADER}zed: 1\naliases: []\naliases:\n- {name: a, command: get, bar: 2}\nbee: 3\n`,
  );
  assert.equal(
    decoded.strictError,
    'strict decoding error: yaml: unmarshal errors:\n  line 6: key "aliases" already set in map, unknown field "aliases[0].bar", unknown field "bee", unknown field "zed"',
  );
  assert.equal(decoded.preference?.aliases[0]?.name, 'a');
});

test('documents that are not a Preference are skipped; none at all is no valid preference', async () => {
  assert.deepEqual(await decodeKuberc(''), {});
  assert.deepEqual(await decodeKuberc('# a comment\n'), { noValidPreference: true });
  assert.deepEqual(await decodeKuberc('apiVersion: v1\nkind: ConfigMap\n'), {
    noValidPreference: true,
  });
  // YAML 1.1, as sigs.k8s.io/yaml reads it: `yes` is a bool, not the string a default must be
  assert.deepEqual(
    await decodeKuberc(
      `${HEADER}defaults:\n- command: get\n  options: [{name: x, default: yes}]\n`,
    ),
    { noValidPreference: true },
  );
  const second = await decodeKuberc(
    `kind: Foo\n---\n${HEADER}aliases: [{name: b, command: get}]\n`,
  );
  assert.equal(second.preference?.aliases[0]?.name, 'b');
});

test("documents split on '---' lines as apimachinery's YAML reader splits them", () => {
  assert.deepEqual(splitYamlDocuments('a: 1\n--- # x\nb: 2\n---x\n'), ['a: 1', 'b: 2\n---x\n']);
});

test('--kuberc is read from the raw words, before --', () => {
  assert.equal(explicitKubercPath(['get', '--kuberc', 'f']), 'f');
  assert.equal(explicitKubercPath(['--kuberc=f', 'get']), 'f');
  assert.equal(explicitKubercPath(['exec', 'p', '--', '--kuberc', 'f']), undefined);
  assert.throws(() => explicitKubercPath(['get', '--kuberc']), /kuberc file is not found/);
  assert.throws(() => explicitKubercPath(['--kuberc=', 'get']), /kuberc file is not found/);
});
