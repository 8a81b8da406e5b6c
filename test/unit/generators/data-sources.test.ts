/** The configmap/secret source rules on a fake file system. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateConfigMap } from '../../../src/resources/generators/configmap.js';
import type { SourceReader } from '../../../src/resources/generators/data-sources.js';
import { generateGenericSecret } from '../../../src/resources/generators/secret.js';

function fakeReader(
  files: Record<string, Buffer | string>,
  env: Record<string, string> = {},
): SourceReader {
  return {
    kind(path) {
      if (path in files) return 'file';
      if (Object.keys(files).some((f) => f.startsWith(`${path}/`))) return 'dir';
      throw new Error('no such file or directory');
    },
    regularFiles: (path) =>
      Object.keys(files)
        .filter((f) => f.startsWith(`${path}/`))
        .map((f) => f.slice(path.length + 1))
        .sort(),
    readFile: (path) => Buffer.from(files[path] ?? ''),
    env: (name) => env[name] ?? '',
  };
}

test('configmap: files, directories, binary data, env files and the hash suffix', () => {
  const reader = fakeReader(
    { 'd/x': 'X', 'd/y': Buffer.from([0xff]), 'e.env': '\ufeffA=1\n# no\n\n  B=2\r\nC\n' },
    { C: 'from-env' },
  );
  const fromFiles = generateConfigMap(
    { name: 'cm', fromFile: ['d'], fromLiteral: ['l=v'] },
    reader,
  );
  assert.deepEqual(fromFiles['data'], { l: 'v', x: 'X' });
  assert.deepEqual(fromFiles['binaryData'], { y: '/w==' });
  const fromEnv = generateConfigMap({ name: 'cm', fromEnvFile: ['e.env'] }, reader);
  assert.deepEqual(fromEnv['data'], { A: '1', B: '2', C: 'from-env' });
  const hashed = generateConfigMap({ name: 'x', fromLiteral: ['a=1'], appendHash: true }, reader);
  assert.equal((hashed['metadata'] as Record<string, string>)['name'], 'x-m8mt92gg65');
  assert.throws(() => generateConfigMap({ name: 'cm', fromFile: ['missing'] }, reader), {
    message: 'error reading missing: no such file or directory',
  });
  assert.throws(() => generateConfigMap({ name: 'cm', fromFile: ['k=d'] }, reader), {
    message: 'cannot give a key name for a directory path',
  });
  const badEnv = fakeReader({ 'bad.env': '1X=2\n' });
  assert.throws(
    () => generateConfigMap({ name: 'cm', fromEnvFile: ['bad.env'] }, badEnv),
    /^Error: "1X" is not a valid key name: a valid environment variable name/,
  );
});

test('secret: literals then files, base64 data, duplicate keys refused', () => {
  const reader = fakeReader({ f: 'file' });
  const secret = generateGenericSecret(
    { name: 's', fromLiteral: ['a=1'], fromFile: ['f'] },
    reader,
  );
  assert.deepEqual(secret['data'], { a: 'MQ==', f: 'ZmlsZQ==' });
  assert.equal('type' in secret, false);
  assert.throws(
    () => generateGenericSecret({ name: 's', fromLiteral: ['f=1'], fromFile: ['f'] }, reader),
    {
      message: 'cannot add key f, another key by that name already exists',
    },
  );
});
