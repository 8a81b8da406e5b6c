import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import tls from 'node:tls';
import { deferExtraCaCertificates } from './deferred-ca.js';
import { defaultRootsWithDeferredCas, tlsMaterial } from './tls-material.js';

const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

test('without deferred CAs, a server with no CA of its own gets Node default roots', async () => {
  assert.equal(defaultRootsWithDeferredCas(), undefined);
  assert.deepEqual(await tlsMaterial({ insecure: false }, undefined), { rejectUnauthorized: true });
});

test('deferred CAs join the default roots, only where no CA is configured', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'ktl-ca-')), 'extra.pem');
  writeFileSync(file, pem);
  deferExtraCaCertificates(file);
  const material = await tlsMaterial({ insecure: false, serverName: 'api' }, undefined);
  assert.ok(Array.isArray(material.ca));
  assert.equal(material.ca.length, tls.rootCertificates.length + 1);
  assert.equal(material.ca.at(-1)?.toString(), pem);
  assert.equal(material.servername, 'api');
  const own = Buffer.from('own CA');
  assert.equal((await tlsMaterial({ insecure: false, caData: own }, undefined)).ca, own);
});

test('an unreadable deferred file is ignored, as Node ignores it', async () => {
  deferExtraCaCertificates('/nonexistent/ktl-extra.pem');
  assert.equal(defaultRootsWithDeferredCas(), undefined);
  assert.equal((await tlsMaterial({ insecure: true }, undefined)).rejectUnauthorized, false);
});

test("an exec plugin's client certificate wins over the kubeconfig's", async () => {
  const cert = Buffer.from('plugin cert');
  const key = Buffer.from('plugin key');
  const material = await tlsMaterial(
    { insecure: false, certData: Buffer.from('c'), keyData: Buffer.from('k') },
    { headers: () => Promise.resolve({}), clientCertificate: () => Promise.resolve({ cert, key }) },
  );
  assert.equal(material.cert, cert);
  assert.equal(material.key, key);
});
