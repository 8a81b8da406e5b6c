/**
 * `ktl cp` against kubectl on kwok pods. kwok runs exec commands on this machine, so a pod's
 * paths are local paths: each test copies between temporary directories through the real exec
 * stream (apiserver → kwok → tar). Local → pod works because the local cluster's kwok finds
 * scripts/cluster's tar first, which ends the archive at its end-of-archive blocks as a kubelet
 * ends stdin (kwok never closes it); a container named no-tar has no tar.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';
import { assertSame, tree } from './cp-helpers.js';

describe('ktl cp matches kubectl on kwok pods', () => {
  let ns = '';
  let work = '';
  const cleanups: Array<() => unknown> = [];
  before(async () => {
    ns = await testNamespace({ after: (fn: () => unknown) => cleanups.push(fn) }, 'cp');
    work = mkdtempSync(join(tmpdir(), 'ktl-cp-test-'));
    cleanups.push(() => rmSync(work, { recursive: true, force: true }));
    mkdirSync(join(work, 'src/sub/empty'), { recursive: true });
    writeFileSync(join(work, 'src/a.txt'), 'alpha\n');
    writeFileSync(join(work, 'src/sub/b.sh'), '#!/bin/sh\n');
    chmodSync(join(work, 'src/sub/b.sh'), 0o750);
    symlinkSync('a.txt', join(work, 'src/link'));
    await kubectlOk(['apply', '-n', ns, '-f', '-'], {
      input: `
apiVersion: v1
kind: Pod
metadata: {name: one}
spec: {containers: [{name: app, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: two}
spec: {containers: [{name: main, image: busybox}, {name: side, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: bare}
spec: {containers: [{name: no-tar, image: distroless}]}
`,
    });
    await kubectlOk(['wait', '--for=condition=Ready', 'pod', '--all', '-n', ns, '--timeout=60s']);
  });
  after(() => Promise.all(cleanups.map((fn) => fn())));

  /** Runs `cp <args(dest)>` with each tool into a destination of its own. */
  async function both(
    args: (dest: string) => string[],
    setup?: (dest: string) => void,
  ): Promise<{ mine: RunResult; theirs: RunResult; dirs: [string, string] }> {
    const dirs: [string, string] = [
      join(work, `ktl-${Math.random()}`),
      join(work, `kubectl-${Math.random()}`),
    ];
    for (const dir of dirs) {
      mkdirSync(dir);
      setup?.(dir);
    }
    const mine = await ktl(['cp', '-n', ns, ...args(dirs[0])], { cwd: work });
    const theirs = await kubectl(['cp', '-n', ns, ...args(dirs[1])], { cwd: work });
    return { mine, theirs, dirs };
  }

  test("pod → local: a directory, tar's note on stdout, symlinks skipped with the warning", async () => {
    const src = join(work, 'src');
    const { mine, theirs, dirs } = await both((d) => [`one:${src}`, join(d, 'out')]);
    assertSame(mine, theirs, 'cp one:src out', dirs);
    assert.equal(mine.stdout, "tar: Removing leading `/' from member names\n");
    // kubectl quits as soon as the archive ends, so the note can lose its end
    assert.ok(mine.stdout.startsWith(theirs.stdout), theirs.stdout);
    assert.match(
      mine.stderr,
      /^warning: skipping symlink: ".*\/out\/link" -> "a.txt" \(consider using "ktl exec -n "" "one" -- tar cf - ".*\/src" \| tar xf -"\)\n$/,
    );
    assert.deepEqual(tree(dirs[0]), tree(dirs[1]));
    assert.deepEqual(tree(join(dirs[0], 'out')), [
      'a.txt 644 alpha\n',
      'sub/',
      'sub/b.sh 644 #!/bin/sh\n',
      'sub/empty/',
    ]);
  });

  test('pod → local: one file, ns/pod spec, --retries, -c, into an existing directory', async () => {
    const file = join(work, 'src/a.txt');
    for (const args of [
      (d: string) => [`one:${file}`, join(d, 'copy.txt')],
      (d: string) => [`${ns}/one:${file}`, join(d, 'copy.txt')],
      (d: string) => [`one:${file}`, join(d, 'copy.txt'), '--retries=2'],
      (d: string) => [`two:${file}`, join(d, 'copy.txt'), '-c', 'side'],
      (d: string) => [`two:${file}`, join(d, 'copy.txt')],
      (d: string) => [`one:${file}`, `${d}/`],
    ]) {
      const { mine, theirs, dirs } = await both(args);
      assertSame(mine, theirs, args('D').join(' '), dirs);
      assert.ok(mine.stdout.startsWith(theirs.stdout), `${theirs.stdout} / ${mine.stdout}`);
      assert.deepEqual(tree(dirs[0]), tree(dirs[1]));
    }
  });

  test('local → pod: into a directory, to a new name, a whole directory, --no-preserve, -c', async () => {
    for (const args of [
      (d: string) => ['src/a.txt', `one:${d}`],
      (d: string) => ['src/a.txt', `one:${d}/renamed.txt`],
      (d: string) => ['src', `one:${d}/copy`],
      (d: string) => ['src/', `${ns}/one:${d}/copy/`],
      (d: string) => ['src', `one:${d}`, '--no-preserve'],
      (d: string) => ['src/sub', `two:${d}`, '-c', 'side'],
      (d: string) => ['src/sub', `two:${d}`],
    ]) {
      const { mine, theirs, dirs } = await both(args);
      assertSame(mine, theirs, args('D').join(' '), dirs);
      assert.equal(mine.stdout, theirs.stdout);
      assert.deepEqual(tree(dirs[0]), tree(dirs[1]), args('D').join(' '));
      assert.notDeepEqual(tree(dirs[0]), [], args('D').join(' '));
    }
  });

  test('errors: bad specs, missing local path, missing pod, bad container, a pod without tar', async () => {
    const file = join(work, 'src/a.txt');
    for (const args of [
      ['cp', '-n', ns, 'a'],
      ['cp', '-n', ns, 'a', 'b'],
      ['cp', '-n', ns, ':a', 'b'],
      ['cp', '-n', ns, 'a/b/c:x', 'y'],
      ['cp', '-n', ns, 'one:a', 'two:b'],
      ['cp', '-n', ns, 'one:', 'b'],
      ['cp', '-n', ns, 'nothing-here', 'one:/tmp/x'],
      ['cp', '-n', ns, file, 'nopod:/tmp/x'],
      ['cp', '-n', ns, 'nopod:/tmp/x', join(work, 'x')],
      ['cp', '-n', ns, file, 'one:/tmp/x', '-c', 'nope'],
      ['cp', '-n', ns, `one:${file}`, join(work, 'x'), '-c', 'nope'],
      ['cp', '-n', ns, file, `bare:${work}/bare.txt`],
      ['cp', '-n', ns, `bare:${file}`, join(work, 'bare-copy.txt')],
      ['cp', '-n', ns, `one:${file}`, 'x', '--retries=x'],
    ]) {
      const [mine, theirs] = [await ktl(args, { cwd: work }), await kubectl(args, { cwd: work })];
      assertSame(mine, theirs, args.join(' '));
      assert.equal(mine.stdout, theirs.stdout, args.join(' '));
      assert.notEqual(mine.code, 0, args.join(' '));
    }
    assert.equal(
      spawnSync('ls', [join(work, 'bare.txt')]).status,
      2,
      'nothing copied to the pod without tar',
    );
  });

  test("paths with ':': only the first names a pod, so a local a:b is a pod spec", async () => {
    writeFileSync(join(work, 'a:b'), 'colon\n');
    for (const args of [
      (_: string) => ['a:b', 'one:/tmp/x'],
      (_: string) => ['./a:b', 'one:/tmp/x'],
      (d: string) => ['src/a.txt', `one:${d}/with:colon.txt`],
      (d: string) => [`one:${work}/a:b`, join(d, 'back.txt')],
      (d: string) => [`one:${work}/src/a.txt`, join(d, 'kept'), '--no-preserve', '--retries=-1'],
    ]) {
      const { mine, theirs, dirs } = await both(args);
      assertSame(mine, theirs, args('D').join(' '), dirs);
      assert.ok(mine.stdout.startsWith(theirs.stdout), `${theirs.stdout} / ${mine.stdout}`);
      assert.deepEqual(tree(dirs[0]), tree(dirs[1]), args('D').join(' '));
    }
  });

  test("pod → local of a missing path: tar's messages, and ktl waits for its exit status", async () => {
    const missing = join(work, 'no-such-file');
    const { mine, theirs } = await both((d) => [`one:${missing}`, join(d, 'x')]);
    const messages = `tar: Removing leading \`/' from member names\ntar: ${missing}: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n`;
    assert.equal(mine.stdout, messages);
    assert.ok(messages.startsWith(theirs.stdout));
    // kubectl usually exits 0 here: it quits once the (empty) archive ends, before the status
    assert.match(mine.stderr, /^error: Internal error occurred: .*exit status 2\n$/);
    assert.equal(mine.code, 1);
  });
});
