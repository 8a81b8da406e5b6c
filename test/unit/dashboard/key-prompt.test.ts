import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseKeyRequest } from '../../../src/dashboard/controller/key-actions.js';
import { promptWords } from '../../../src/dashboard/model/prompt-words.js';

test('prompt words split on blanks, quotes keep blanks inside a word', () => {
  assert.deepEqual(promptWords(` a=b  note='two words' x="y z" gone-`), [
    'a=b',
    'note=two words',
    'x=y z',
    'gone-',
  ]);
  assert.throws(() => promptWords(`a='open`), /unterminated ' quote/);
});

test('the label prompt reads pairs and --overwrite as ktl label does, with its messages', () => {
  const request = parseKeyRequest('label', 'tier=web gone- --overwrite');
  assert.deepEqual([...request.updates.set], [['tier', 'web']]);
  assert.deepEqual(request.updates.remove, ['gone']);
  assert.equal(request.overwrite, true);
  assert.equal(parseKeyRequest('label', 'a=b').overwrite, false);
  assert.throws(() => parseKeyRequest('label', 'a=b=c'), /invalid label spec: a=b=c/);
  assert.throws(() => parseKeyRequest('label', 'a=b a-'), /can not both modify and remove a label/);
  assert.throws(() => parseKeyRequest('label', '--force a=b'), /unknown flag: --force/);
  assert.throws(
    () => parseKeyRequest('label', '--overwrite'),
    /at least one label update is required/,
  );
  // Annotations take any value, spaces too when quoted.
  const note = parseKeyRequest('annotation', `note='hello world'`);
  assert.equal(note.updates.set.get('note'), 'hello world');
  assert.throws(() => parseKeyRequest('annotation', '=x'), /invalid annotation format: =x/);
});
