/**
 * `ktl cp POD:SRC DEST` when the archive stream breaks partway, against kubectl. The local
 * cluster's kwok gives containers named flaky-tar a tar that, while SRC.break-after has lines,
 * takes off the first line N and sends only the first N bytes of the archive, then exits 137
 * (scripts/cluster/cluster.sh, exec_tools): a fault injected around the real tar, run through the
 * real exec stream. Each tool's run is armed alike, so both read the same bytes and break at the
 * same offsets. With --retries kubectl runs `tar cf - SRC | tail -c+N` again from the offset
 * reached; without, or once the retries run out, the copy fails and leaves what it had written.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';
import { assertSame, digestTree } from './cp-helpers.js';

/** `size` bytes of numbered text lines, different per seed. */
function lines(size: number, seed: string): string {
  let text = '';
  for (let i = 0; text.length < size; i++) text += `${seed} line ${i}\n`;
  return text.slice(0, size);
}

const DEFAULTED = 'Defaulted container "flaky-tar" out of: flaky-tar, app, no-tar\n';
const TAR_NOTE = "tar: Removing leading `/' from member names\n";

describe('ktl cp resumes or fails like kubectl when the stream breaks partway', () => {
  let ns = '';
  let work = '';
  const cleanups: Array<() => unknown> = [];
  before(async () => {
    ns = await testNamespace({ after: (fn: () => unknown) => cleanups.push(fn) }, 'cp-break');
    work = mkdtempSync(join(tmpdir(), 'ktl-cp-break-'));
    cleanups.push(() => rmSync(work, { recursive: true, force: true }));
    mkdirSync(join(work, 'src'));
    writeFileSync(join(work, 'src/big.txt'), lines(70_000, 'big'));
    mkdirSync(join(work, 'tree/sub'), { recursive: true });
    writeFileSync(join(work, 'tree/a.txt'), lines(30_000, 'a'));
    writeFileSync(join(work, 'tree/sub/b.txt'), lines(40_000, 'b'));
    await kubectlOk(['apply', '-n', ns, '-f', '-'], {
      input: `
apiVersion: v1
kind: Pod
metadata: {name: flaky}
spec:
  containers:
  - {name: flaky-tar, image: busybox}
  - {name: app, image: busybox}
  - {name: no-tar, image: distroless}
`,
    });
    await kubectlOk(['wait', '--for=condition=Ready', 'pod/flaky', '-n', ns, '--timeout=60s']);
    const probe = await kubectlOk([
      'exec',
      '-n',
      ns,
      'flaky',
      '-c',
      'flaky-tar',
      '--',
      'sh',
      '-c',
      'echo "$KTL_EXEC_FLAKY"',
    ]);
    assert.equal(
      probe,
      'tar\n',
      'the local cluster predates the flaky-tar exec of scripts/cluster/cluster.sh: restart it (npm run cluster -- down; npm run cluster -- up)',
    );
  });
  after(() => Promise.all(cleanups.map((fn) => fn())));

  /**
   * Runs `cp -n NS flaky:<work>/<source> <dest>/<name> ...extra` with each tool into a directory
   * of its own, arming the fault with `breaks` (byte counts, one run each) before each run, and
   * checks that every break was used.
   */
  async function both(
    source: string,
    name: string,
    breaks: number[],
    extra: string[] = [],
  ): Promise<{ mine: RunResult; theirs: RunResult; dirs: [string, string] }> {
    const armed = join(work, `${source}.break-after`);
    const run = async (tool: typeof ktl, dir: string): Promise<RunResult> => {
      mkdirSync(dir);
      writeFileSync(armed, breaks.map((n) => `${n}\n`).join(''));
      const result = await tool([
        'cp',
        '-n',
        ns,
        `flaky:${join(work, source)}`,
        join(dir, name),
        ...extra,
      ]);
      assert.equal(
        readFileSync(armed, 'utf8'),
        '',
        `every break armed was used (${result.stdout})`,
      );
      return result;
    };
    const dirs: [string, string] = [
      join(work, `ktl-${Math.random()}`),
      join(work, `kubectl-${Math.random()}`),
    ];
    const mine = await run(ktl, dirs[0]);
    const theirs = await run(kubectl, dirs[1]);
    return { mine, theirs, dirs };
  }

  /** ktl's stdout as expected, and kubectl's the same or cut short once the archive ended. */
  function assertStdout(mine: RunResult, theirs: RunResult, expected: string): void {
    assert.equal(mine.stdout, expected);
    assert.ok(expected.startsWith(theirs.stdout), `kubectl's stdout: ${theirs.stdout}`);
  }

  test('--retries=2: one break, the copy resumes at the offset reached and ends whole', async () => {
    const { mine, theirs, dirs } = await both('src/big.txt', 'big.txt', [20_000], ['--retries=2']);
    assertSame(mine, theirs, 'cp --retries=2', dirs);
    assert.equal(mine.code, 0);
    assert.equal(mine.stderr, '');
    assertStdout(
      mine,
      theirs,
      `${DEFAULTED}${TAR_NOTE}Resuming copy at 20000 bytes, retry 1/2\n${DEFAULTED}${TAR_NOTE}`,
    );
    assert.deepEqual(
      readFileSync(join(dirs[0], 'big.txt')),
      readFileSync(join(work, 'src/big.txt')),
    );
    assert.deepEqual(digestTree(dirs[0]), digestTree(dirs[1]));
  });

  test('--retries=-1 on a directory: two breaks, two resumes, every file whole', async () => {
    const { mine, theirs, dirs } = await both('tree', 'copy', [30_000, 50_000], ['--retries=-1']);
    assertSame(mine, theirs, 'cp --retries=-1 of a directory', dirs);
    assert.equal(mine.code, 0);
    assertStdout(
      mine,
      theirs,
      `${DEFAULTED}${TAR_NOTE}Resuming copy at 30000 bytes, retry 1/-1\n` +
        `${DEFAULTED}${TAR_NOTE}Resuming copy at 50000 bytes, retry 2/-1\n${DEFAULTED}${TAR_NOTE}`,
    );
    assert.deepEqual(digestTree(join(dirs[0], 'copy')), digestTree(join(work, 'tree')));
    assert.deepEqual(digestTree(dirs[0]), digestTree(dirs[1]));
  });

  test('--retries=1 with two breaks: the retries run out, unexpected EOF, the part written stays', async () => {
    const { mine, theirs, dirs } = await both(
      'src/big.txt',
      'big.txt',
      [20_000, 30_000],
      ['--retries=1'],
    );
    assertSame(mine, theirs, 'cp --retries=1', dirs);
    assert.equal(mine.stderr, 'error: unexpected EOF\n');
    assert.equal(mine.code, 1);
    assertStdout(
      mine,
      theirs,
      `${DEFAULTED}${TAR_NOTE}Resuming copy at 20000 bytes, retry 1/1\n${DEFAULTED}${TAR_NOTE}Dropping out copy after 1 retries\n`,
    );
    // 30000 bytes of archive less its 512-byte header: kubectl leaves the file it was writing
    const written = readFileSync(join(dirs[0], 'big.txt'), 'utf8');
    assert.equal(written, lines(70_000, 'big').slice(0, 30_000 - 512));
    assert.deepEqual(digestTree(dirs[0]), digestTree(dirs[1]));
  });

  test('no --retries: the remote exit status ends the copy, the part written stays', async () => {
    const { mine, theirs, dirs } = await both('src/big.txt', 'big.txt', [20_000]);
    assertSame(mine, theirs, 'cp without --retries', dirs);
    assert.match(mine.stderr, /^error: Internal error occurred: .*exit status 137\n$/);
    assert.equal(mine.code, 1);
    assertStdout(mine, theirs, `${DEFAULTED}${TAR_NOTE}`);
    const written = readFileSync(join(dirs[0], 'big.txt'), 'utf8');
    assert.equal(written, lines(70_000, 'big').slice(0, 20_000 - 512));
    assert.deepEqual(digestTree(dirs[0]), digestTree(dirs[1]));
  });

  test('no --retries on a directory: the files before the break whole, the one at it cut', async () => {
    const { mine, theirs, dirs } = await both('tree', 'copy', [45_000]);
    assertSame(mine, theirs, 'cp of a directory without --retries', dirs);
    assert.equal(mine.code, 1);
    const copy = digestTree(join(dirs[0], 'copy'));
    const source = digestTree(join(work, 'tree'));
    assert.notDeepEqual(copy, source);
    assert.equal(copy.length, source.length, copy.join('\n'));
    assert.deepEqual(digestTree(dirs[0]), digestTree(dirs[1]));
  });

  test('bad input: a missing path, a container that does not exist, one without tar: nothing written', async () => {
    const file = join(work, 'src/big.txt');
    const cases: Array<{ args: string[]; exit: 'non-zero' | 0 }> = [
      { args: ['flaky:/no/such/file', '-c', 'app'], exit: 'non-zero' },
      { args: [`flaky:${file}`, '-c', 'nope'], exit: 'non-zero' },
      { args: [`flaky:${file}`, '-c', 'no-tar'], exit: 'non-zero' },
      // sh's tar is missing, tail ends the stream empty each time: kubectl calls that a success
      { args: [`flaky:${file}`, '-c', 'no-tar', '--retries=2'], exit: 0 },
    ];
    for (const { args, exit } of cases) {
      const what = args.join(' ');
      const dirs = [join(work, `ktl-${Math.random()}`), join(work, `kubectl-${Math.random()}`)];
      const results: RunResult[] = [];
      for (const [index, tool] of [ktl, kubectl].entries()) {
        const dir = dirs[index] ?? '';
        mkdirSync(dir);
        const [source = '', ...flags] = args;
        results.push(await tool(['cp', '-n', ns, source, join(dir, 'out'), ...flags]));
        assert.deepEqual(digestTree(dir), [], `${what}: nothing written`);
      }
      const [mine, theirs] = results as [RunResult, RunResult];
      if (exit === 0) assert.equal(mine.code, 0, what);
      else assert.notEqual(mine.code, 0, what);
      // kubectl can quit at the empty archive's end before tar's status arrives (cp-compare)
      if (args[0] === 'flaky:/no/such/file') continue;
      assertSame(mine, theirs, what);
      assert.equal(mine.stdout, theirs.stdout, what);
    }
  });
});
