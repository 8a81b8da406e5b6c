/**
 * The global flags kubectl adds to ConfigFlags, side by side with kubectl: klog's
 * --log-flush-frequency and --vmodule (checked as klog checks them), --match-server-version
 * (kubectl's check and message, against ktl's own version), and --profile/--profile-output
 * (cpu and heap written as V8 profiles; the Go runtime's profiles refused).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ktl, kubectl } from '../helpers/cluster.js';

const SAME: string[][] = [
  ['--vmodule=a=1,b*=2,', 'get', 'ns', 'default', '-o', 'name'],
  ['--vmodule=a=-1', 'get', 'ns'],
  ['--vmodule=a=x', 'get', 'ns'],
  ['--vmodule==1', 'version', '--client'],
  ['--log-flush-frequency=1h2m', 'get', 'ns', 'default', '-o', 'name'],
  ['--log-flush-frequency', '5', 'get', 'ns'],
  ['--log-flush-frequency=', 'get', 'ns'],
  ['--match-server-version=x', 'get', 'ns'],
  ['--profile=', 'get', 'ns'],
  ['--profile=CPU', 'get', 'ns'],
  ['--match-server-version', 'config', 'view', '-o', 'jsonpath={.kind}'],
  // nothing listens there: kubectl's "couldn't read version from server"
  ['--match-server-version', '--server=http://127.0.0.1:9', 'get', 'ns'],
];

for (const args of SAME) {
  test(`ktl ${args.join(' ')}: as kubectl`, async () => {
    const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
    assert.equal(mine.stderr, theirs.stderr.replaceAll('kubectl', 'ktl'));
    assert.equal(mine.stdout, theirs.stdout);
    assert.equal(mine.code, theirs.code);
  });
}

test('--match-server-version compares the server with ktl’s own version, with kubectl’s message', async () => {
  const [mine, theirs, version] = await Promise.all([
    ktl(['--match-server-version', 'get', 'ns', 'default', '-o', 'name']),
    kubectl(['--match-server-version', 'get', 'ns', 'default', '-o', 'name']),
    ktl(['version', '--client']),
  ]);
  // kubectl is the server's own build; ktl is not, and says so rather than pretend
  assert.equal(theirs.code, 0, theirs.stderr);
  assert.equal(mine.code, 1);
  assert.equal(mine.stdout, '');
  const ours = /^Client Version: (\S+)\n$/.exec(version.stdout)?.[1] ?? '?';
  assert.match(
    mine.stderr,
    new RegExp(
      `^error: server version \\(&version\\.Info\\{Major:"1", Minor:"\\d+", .*GitVersion:"v1\\.\\d+\\.\\d+", .*\\}\\) differs from client version \\(version\\.Info\\{Major:"\\d+", .*GitVersion:"${ours.replaceAll('.', '\\.')}", .*Compiler:"esbuild", Platform:"[^"]+"\\}\\)\\n$`,
    ),
  );
});

test('--profile=cpu|heap write V8 profiles to --profile-output; none when the command fails', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-profile-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const cpu = join(dir, 'cpu.profile');
  const heap = join(dir, 'heap.profile');
  const [cpuRun, heapRun, theirs] = await Promise.all([
    ktl(['get', 'ns', 'default', '-o', 'name', '--profile=cpu', `--profile-output=${cpu}`]),
    ktl(['get', 'ns', 'default', '-o', 'name', '--profile', 'heap', '--profile-output', heap]),
    kubectl(['get', 'ns', 'default', '-o', 'name', '--profile=cpu', `--profile-output=${dir}/k`]),
  ]);
  for (const run of [cpuRun, heapRun]) {
    assert.equal(run.stdout, theirs.stdout);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
  }
  const cpuProfile = JSON.parse(readFileSync(cpu, 'utf8')) as {
    nodes: unknown[];
    samples: unknown[];
  };
  assert.ok(cpuProfile.nodes.length > 0 && Array.isArray(cpuProfile.samples));
  const heapProfile = JSON.parse(readFileSync(heap, 'utf8')) as { head: { children: unknown[] } };
  assert.ok(Array.isArray(heapProfile.head.children));
  // as kubectl: the CPU profile's file exists from the start, and is left empty on failure
  const failed = join(dir, 'failed.profile');
  const failure = await ktl(['get', 'nosuchtype', '--profile=cpu', `--profile-output=${failed}`]);
  assert.equal(failure.code, 1);
  assert.equal(statSync(failed).size, 0);
});

test('--profile with a bad output path fails as kubectl does; Go-only profiles are refused', async () => {
  const args = ['get', 'ns', '--profile=cpu', '--profile-output=/nonexistent-dir/p'];
  const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
  assert.equal(mine.stderr, theirs.stderr);
  assert.equal(mine.code, theirs.code);
  for (const name of ['goroutine', 'threadcreate', 'block', 'mutex']) {
    const refused = await ktl(['version', '--client', `--profile=${name}`]);
    assert.equal(refused.code, 1);
    assert.equal(refused.stdout, '');
    assert.equal(
      refused.stderr,
      `error: profile '${name}' is a Go runtime profile, which ktl (a Node.js program) does not have; ktl can capture 'cpu' or 'heap' (as V8 profiles)\n`,
    );
  }
});

test('--log-flush-frequency=0: refused with a message (kubectl panics)', async () => {
  const mine = await ktl(['--log-flush-frequency=0', 'version', '--client']);
  assert.equal(mine.code, 1);
  assert.equal(
    mine.stderr,
    `error: invalid argument "0" for "--log-flush-frequency" flag: non-positive interval for NewTicker\nSee 'ktl version --help' for usage.\n`,
  );
});
