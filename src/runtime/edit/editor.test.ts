import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editHeader, editorFormat, stripComments, withCrlf } from './editor.js';

test("editHeader: kubectl's last-applied header for edit-last-applied, the object header otherwise", () => {
  assert.equal(
    editHeader([], 'last-applied'),
    "# Please edit the 'last-applied-configuration' annotations below.\n# Lines beginning with a '#' will be ignored, and an empty file will abort the edit.\n#\n",
  );
  assert.match(editHeader(['# x\n']), /^# Please edit the object below\..*\n#\n# x\n$/s);
});

test('withCrlf: every line ends in CRLF once, also lines that had one', () => {
  assert.equal(withCrlf('a\nb\r\nc\n'), 'a\r\nb\r\nc\r\n');
  assert.equal(stripComments(withCrlf('# h\na: 1\n')), 'a: 1\r\n');
});

test('editorFormat: json or yaml in any case, yaml without -o; others refused as kubectl', () => {
  assert.equal(editorFormat(undefined), 'yaml');
  assert.equal(editorFormat(''), 'yaml');
  assert.equal(editorFormat('YAML'), 'yaml');
  assert.equal(editorFormat('json'), 'json');
  assert.throws(
    () => editorFormat('name'),
    /^PlainError: unable to match a printer suitable for the output format "name", allowed formats are: json,yaml$/,
  );
});
