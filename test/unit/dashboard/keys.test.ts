import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  bindingFor,
  DEFAULT_KEYMAP,
  helpSections,
  KEY_BINDINGS,
} from '../../../src/dashboard/input/keymap.js';
import { decodeKey, keySpec, splitKeys } from '../../../src/dashboard/input/keys.js';

const specs = (data: string): string[] => splitKeys(data).map((k) => keySpec(decodeKey(k)));

test('a read holding many keys is split into one key per character', () => {
  assert.deepEqual(specs(':deploy\r'), [':', 'd', 'e', 'p', 'l', 'o', 'y', 'enter']);
  assert.deepEqual(specs('jjjjjjjjjj'), Array(10).fill('j'));
  assert.deepEqual(specs('\u0004y'), ['ctrl-d', 'y']);
  assert.deepEqual(specs('a😀b'), ['a', '😀', 'b']);
});

test('escape sequences (Ink cuts them out of a read) are one key each, with modifiers', () => {
  assert.deepEqual(specs('\u001b[B'), ['down']);
  assert.deepEqual(specs('\u001bOA'), ['up']);
  assert.deepEqual(specs('\u001b[6~'), ['pgdn']);
  assert.deepEqual(specs('\u001b[1;2B'), ['shift-down']);
  assert.deepEqual(specs('\u001b'), ['esc']);
  assert.deepEqual(specs('\u001bj'), ['alt-j']);
  assert.deepEqual(specs('\u001b[Z'), ['shift-tab']);
});

test('named keys and control characters', () => {
  assert.deepEqual(specs('\t\u007f\b \u0015J'), [
    'tab',
    'backspace',
    'backspace',
    'space',
    'ctrl-u',
    'J',
  ]);
  // k9s's mark keys: ctrl-space (NUL) and ctrl-\ (FS, not a letter).
  assert.deepEqual(specs('\u0000\u001c'), ['ctrl-space', 'ctrl-\\']);
});

test('one keymap: every key binds once per scope, and the help lists every binding', () => {
  const seen = new Set<string>();
  for (const binding of KEY_BINDINGS)
    for (const key of binding.keys) {
      const id = `${binding.scope}:${key}`;
      assert.ok(!seen.has(id), `${id} is bound twice`);
      seen.add(id);
    }
  const listed = helpSections().flatMap((s) => s.keys);
  assert.equal(listed.length, KEY_BINDINGS.length);
  assert.equal(bindingFor(decodeKey('j'), ['table', 'move', 'global'])?.command, 'move.down');
  assert.equal(bindingFor(decodeKey('\u0004'), ['table', 'move', 'global'])?.command, 'row.delete');
  assert.equal(bindingFor(decodeKey('y'), ['question', 'prompt']), undefined);
});

test("preferences' keys: an action (command or its last part) gets new keys, taken from its scope's others", () => {
  const { keymap, warnings } = DEFAULT_KEYMAP.withKeys({
    quit: 'x',
    'row.describe': 'D, ctrl-e',
    yaml: 'j',
    nosuch: 'z',
  });
  assert.deepEqual(warnings, ['dashboard.keys.nosuch: no such action']);
  const scopes = ['table', 'move', 'global'] as const;
  assert.equal(keymap.bindingFor(decodeKey('x'), scopes)?.command, 'app.quit');
  assert.equal(keymap.bindingFor(decodeKey('q'), scopes), undefined);
  // ctrl-c always quits, whatever the preferences say.
  assert.equal(keymap.bindingFor(decodeKey('\u0003'), ['always'])?.command, 'app.quit');
  assert.equal(keymap.bindingFor(decodeKey('\u0005'), scopes)?.command, 'row.describe');
  assert.equal(keymap.bindingFor(decodeKey('d'), scopes), undefined);
  // j was move.down's; in a table it is YAML now, and ↓ still moves.
  assert.equal(keymap.bindingFor(decodeKey('j'), scopes)?.command, 'row.yaml');
  assert.equal(keymap.bindingFor(decodeKey('\u001b[B'), scopes)?.command, 'move.down');
  // The default keymap is unchanged.
  assert.equal(bindingFor(decodeKey('q'), scopes)?.command, 'app.quit');
});
