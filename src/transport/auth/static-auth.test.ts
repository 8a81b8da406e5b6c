import assert from 'node:assert/strict';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { tokenFileAuth } from './static-auth.js';

test('tokenFile is re-read when the file changes, and keeps the last token if it vanishes', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'ktl-token-')), 'token');
  writeFileSync(file, 'first\n');
  const auth = tokenFileAuth(file);
  assert.deepEqual(await auth.headers(), { authorization: 'Bearer first' });
  writeFileSync(file, 'second-token\n');
  utimesSync(file, new Date(), new Date(Date.now() + 5000));
  assert.deepEqual(await auth.headers(), { authorization: 'Bearer second-token' });
  writeFileSync(file, '');
  assert.deepEqual(await auth.headers(), {});
});
