import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseExecOutput } from './exec-credential.js';

const V1B1 = 'client.authentication.k8s.io/v1beta1';
const out = (status: unknown, apiVersion = V1B1): string =>
  JSON.stringify({ apiVersion, kind: 'ExecCredential', status });

test('exec output: token, cert pair, expiry', () => {
  assert.deepEqual(parseExecOutput(out({ token: 't' }), V1B1), { token: 't' });
  assert.deepEqual(
    parseExecOutput(
      out({
        clientCertificateData: 'c',
        clientKeyData: 'k',
        expirationTimestamp: '2030-01-01T00:00:00Z',
      }),
      V1B1,
    ),
    {
      clientCertificateData: 'c',
      clientKeyData: 'k',
      expiresAt: Date.parse('2030-01-01T00:00:00Z'),
    },
  );
});

test('exec output errors use client-go wording and never echo the output', () => {
  assert.throws(
    () => parseExecOutput('secret-token-not-json', V1B1),
    (e: Error) => !e.message.includes('secret-token') && /^decoding stdout/.test(e.message),
  );
  assert.throws(
    () => parseExecOutput(out({ token: 't' }, 'client.authentication.k8s.io/v1'), V1B1),
    /configured to use API version client.authentication.k8s.io\/v1beta1, plugin returned version client.authentication.k8s.io\/v1$/,
  );
  assert.throws(
    () => parseExecOutput(JSON.stringify({ apiVersion: V1B1 }), V1B1),
    /didn't return a status field/,
  );
  assert.throws(() => parseExecOutput(out({}), V1B1), /didn't return a token or cert\/key pair/);
  assert.throws(
    () => parseExecOutput(out({ clientKeyData: 'k' }), V1B1),
    /only certificate or key, not both/,
  );
});
