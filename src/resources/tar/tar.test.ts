import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { localTar } from './local-tar.js';
import type { TarEntry } from './tar-parser.js';
import { TarParser } from './tar-parser.js';

function tree(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-tar-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'src/sub/empty'), { recursive: true });
  writeFileSync(join(dir, 'src/a.txt'), 'hello\n');
  writeFileSync(join(dir, 'src/sub/big.bin'), Buffer.alloc(70_000, 7));
  const long = 'n'.repeat(120);
  writeFileSync(join(dir, `src/sub/${long}`), 'long name');
  symlinkSync('a.txt', join(dir, 'src/link'));
  return dir;
}

async function collect(gen: AsyncGenerator<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of gen) chunks.push(chunk);
  return Buffer.concat(chunks);
}

test('localTar writes an archive GNU tar extracts (names from the destination, long names, links)', async (t) => {
  const dir = tree(t);
  const archive = await collect(localTar(dir, 'src', 'copy'));
  assert.equal(archive.length % 512, 0);
  mkdirSync(join(dir, 'out'));
  const result = spawnSync('tar', ['-xmf', '-', '-C', join(dir, 'out')], { input: archive });
  assert.equal(result.status, 0, result.stderr.toString());
  assert.equal(readFileSync(join(dir, 'out/copy/a.txt'), 'utf8'), 'hello\n');
  assert.deepEqual(readFileSync(join(dir, 'out/copy/sub/big.bin')), Buffer.alloc(70_000, 7));
  assert.equal(readFileSync(join(dir, `out/copy/sub/${'n'.repeat(120)}`), 'utf8'), 'long name');
  const listing = spawnSync('tar', ['-tvf', '-'], { input: archive }).stdout.toString();
  assert.match(listing, /copy\/link -> a\.txt/);
  assert.match(listing, /^d.* copy\/sub\/empty\/?$/m);
});

test('localTar pads to whole 10 KiB records when asked', async (t) => {
  const dir = tree(t);
  const archive = await collect(localTar(dir, 'src', 'copy', { padToRecord: true }));
  assert.equal(archive.length % 10240, 0);
});

test('TarParser reads what GNU tar writes, in chunks of any size, and stops at the end', (t) => {
  const dir = tree(t);
  const archive = spawnSync('tar', ['cf', '-', 'src'], { cwd: dir, maxBuffer: 1 << 24 }).stdout;
  for (const size of [1, 511, 512, 4096, archive.length]) {
    const entries: Array<TarEntry & { body: number }> = [];
    const parser = new TarParser({
      entry: (e) => entries.push({ ...e, body: 0 }),
      data: (chunk) => {
        const last = entries.at(-1);
        if (last) last.body += chunk.length;
      },
      entryEnd: () => undefined,
    });
    for (let at = 0; at < archive.length; at += size) parser.write(archive.subarray(at, at + size));
    parser.end();
    assert.ok(parser.finished);
    const byName = new Map(entries.map((e) => [e.name, e]));
    assert.equal(byName.get('src/a.txt')?.body, 6);
    assert.equal(byName.get('src/sub/big.bin')?.body, 70_000);
    assert.equal(byName.get(`src/sub/${'n'.repeat(120)}`)?.body, 9);
    assert.equal(byName.get('src/link')?.type, 'symlink');
    assert.equal(byName.get('src/link')?.linkname, 'a.txt');
    assert.equal(byName.get('src/sub/empty/')?.type, 'directory');
  }
});

test('TarParser: a cut archive is an unexpected EOF, a bad checksum an invalid header', () => {
  const parser = new TarParser({
    entry: () => undefined,
    data: () => undefined,
    entryEnd: () => undefined,
  });
  const block = Buffer.alloc(512, 1);
  assert.throws(() => parser.write(block), /archive\/tar: invalid tar header/);
  const cut = new TarParser({
    entry: () => undefined,
    data: () => undefined,
    entryEnd: () => undefined,
  });
  cut.write(Buffer.alloc(100));
  assert.throws(() => cut.end(), /unexpected EOF/);
});
