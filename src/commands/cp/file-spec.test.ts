import assert from 'node:assert/strict';
import test from 'node:test';
import { goBase, goDir, goJoin, isInside, parseFileSpec, stripPathShortcuts } from './file-spec.js';

test('parseFileSpec: [[namespace/]pod:]path, trailing slashes dropped', () => {
  assert.deepEqual(parseFileSpec('a/b/'), { podNamespace: '', podName: '', file: 'a/b' });
  assert.deepEqual(parseFileSpec('p:/tmp/x/'), { podNamespace: '', podName: 'p', file: '/tmp/x' });
  assert.deepEqual(parseFileSpec('ns/p:c:\\d'), { podNamespace: 'ns', podName: 'p', file: 'c:/d' });
  assert.deepEqual(parseFileSpec('/'), { podNamespace: '', podName: '', file: '/' });
  assert.throws(() => parseFileSpec(':x'), /canonical format/);
  assert.throws(() => parseFileSpec('a/b/c:x'), /canonical format/);
});

test("Go's path rules: Join, Dir, Base, stripPathShortcuts, isRelative", () => {
  assert.equal(goJoin('out', ''), 'out');
  assert.equal(goJoin('out', '/'), 'out');
  assert.equal(goJoin('out', 'a/../../x'), 'x');
  assert.equal(goDir('x'), '.');
  assert.equal(goDir('/tmp/x'), '/tmp');
  assert.equal(goBase('/tmp/x/'), 'x');
  assert.equal(stripPathShortcuts('../../a'), 'a');
  assert.equal(stripPathShortcuts('..'), '');
  assert.equal(stripPathShortcuts('/abs'), 'abs');
  assert.ok(isInside('out', 'out/a'));
  assert.ok(isInside('out', 'out'));
  assert.ok(!isInside('out', 'x'));
  assert.ok(!isInside('/d/out', '/d/x'));
});
