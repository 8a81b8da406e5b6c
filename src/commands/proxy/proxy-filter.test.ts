import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_FILTER, accepts, compileFilter, hostOfHeader } from './proxy-filter.js';

const filter = compileFilter(DEFAULT_FILTER);

test('the default filter accepts localhost API reads', () => {
  assert.equal(accepts(filter, 'GET', '/version', 'localhost'), true);
  assert.equal(accepts(filter, 'POST', '/api/v1/namespaces/a/pods', '127.0.0.1'), true);
});

test('exec and attach paths and foreign hosts are rejected', () => {
  assert.equal(accepts(filter, 'GET', '/api/v1/namespaces/a/pods/p/exec', 'localhost'), false);
  assert.equal(accepts(filter, 'GET', '/api/v1/namespaces/a/pods/p/attach', 'localhost'), false);
  assert.equal(accepts(filter, 'GET', '/version', 'evil.example.com'), false);
  assert.equal(accepts(filter, 'GET', '/version', ''), false);
});

test('Host headers split like net.SplitHostPort', () => {
  assert.equal(hostOfHeader('127.0.0.1:8001'), '127.0.0.1');
  assert.equal(hostOfHeader('[::1]:8001'), '::1');
  assert.equal(hostOfHeader('localhost'), '');
});

test('custom method rejection', () => {
  const noWrites = compileFilter({ ...DEFAULT_FILTER, rejectMethods: 'POST,PUT' });
  assert.equal(accepts(noWrites, 'POST', '/api', 'localhost'), false);
  assert.equal(accepts(noWrites, 'GET', '/api', 'localhost'), true);
});
