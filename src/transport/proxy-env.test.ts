import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bypassedByNoProxy, proxyFor } from './proxy-env.js';

test('NO_PROXY: *, domains, leading dots, ports, IPs and CIDRs', () => {
  assert.equal(bypassedByNoProxy('a.example.com', '443', '*'), true);
  assert.equal(bypassedByNoProxy('example.com', '443', 'example.com'), true);
  assert.equal(bypassedByNoProxy('a.example.com', '443', 'example.com'), true);
  assert.equal(bypassedByNoProxy('example.com', '443', '.example.com'), false);
  assert.equal(bypassedByNoProxy('a.example.com', '443', '*.example.com'), true);
  assert.equal(bypassedByNoProxy('notexample.com', '443', 'example.com'), false);
  assert.equal(bypassedByNoProxy('example.com', '6443', 'example.com:443'), false);
  assert.equal(bypassedByNoProxy('example.com', '443', 'example.com:443'), true);
  assert.equal(bypassedByNoProxy('10.1.2.3', '443', '10.0.0.0/8'), true);
  assert.equal(bypassedByNoProxy('11.1.2.3', '443', '10.0.0.0/8'), false);
  assert.equal(bypassedByNoProxy('192.168.1.7', '443', ' 192.168.1.7 '), true);
  assert.equal(bypassedByNoProxy('a.example.com', '443', ''), false);
});

test('proxyFor: proxy-url wins; env by scheme; loopback and NO_PROXY bypass', () => {
  const remote = new URL('https://k8s.example.com:6443');
  assert.equal(proxyFor(remote, 'socks5://p:1080', {})?.href, 'socks5://p:1080');
  assert.equal(proxyFor(new URL('https://127.0.0.1:6443'), 'http://p:3128', {})?.host, 'p:3128');
  assert.equal(proxyFor(remote, undefined, { HTTPS_PROXY: 'p:3128' })?.href, 'http://p:3128/');
  assert.equal(proxyFor(remote, undefined, { https_proxy: 'http://q:1' })?.host, 'q:1');
  assert.equal(proxyFor(remote, undefined, { HTTP_PROXY: 'http://p:3128' }), undefined);
  assert.equal(
    proxyFor(new URL('http://k8s.example.com'), undefined, { HTTP_PROXY: 'http://p:1' })?.host,
    'p:1',
  );
  assert.equal(
    proxyFor(new URL('https://localhost:6443'), undefined, { HTTPS_PROXY: 'http://p:1' }),
    undefined,
  );
  assert.equal(
    proxyFor(new URL('https://127.0.0.5:6443'), undefined, { HTTPS_PROXY: 'http://p:1' }),
    undefined,
  );
  assert.equal(
    proxyFor(remote, undefined, { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'example.com' }),
    undefined,
  );
  assert.throws(
    () => proxyFor(remote, 'ftp://p', {}),
    /unsupported scheme "ftp", must be http, https, or socks5/,
  );
});
