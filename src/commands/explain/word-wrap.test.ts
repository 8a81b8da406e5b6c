import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indent, wordWrap } from './word-wrap.js';

test('wraps at spaces within the limit, a line may fill it exactly', () => {
  assert.equal(wordWrap('aaa bbb ccc', 7), 'aaa bbb\nccc');
  assert.equal(wordWrap('aaa bbb ccc', 6), 'aaa\nbbb\nccc');
});

test('keeps newlines and long words (URLs) whole, as go-wordwrap does', () => {
  assert.equal(
    wordWrap('see:\nhttps://example.com/a/very/long/path more', 10),
    'see:\nhttps://example.com/a/very/long/path\nmore',
  );
  assert.equal(wordWrap('one two.  three', 9), 'one two.\nthree');
  assert.equal(wordWrap('a.  b', 10), 'a.  b');
});

test('indent pads every line, blank ones included (sprig indent)', () => {
  assert.equal(indent('a\n\nb\n', 2), '  a\n  \n  b\n  ');
});
