/**
 * `ktl <command> --help` and `ktl options` side by side with kubectl's real help: the option
 * lines (`--name=DEFAULT:`) both tools have are identical, the sections come in kubectl's
 * order, and the global flags carry kubectl's defaults.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ktl, kubectl } from '../helpers/cluster.js';

/** Flags one tool has and the other not, per command: the known differences. */
const KNOWN: Record<string, { ktlOnly: string[]; kubectlOnly: string[] }> = {
  scale: {
    ktlOnly: ['--field-manager'],
    kubectlOnly: [],
  },
  get: {
    ktlOnly: ['--tui'],
    kubectlOnly: [],
  },
  logs: { ktlOnly: [], kubectlOnly: [] },
  label: { ktlOnly: [], kubectlOnly: [] },
  delete: { ktlOnly: [], kubectlOnly: [] },
  // --openapi-patch and --subresource are not done yet (issue 15); ktl's own --wait-rollout
  apply: { ktlOnly: ['--wait-rollout'], kubectlOnly: ['--openapi-patch', '--subresource'] },
  'apply set-last-applied': { ktlOnly: [], kubectlOnly: [] },
  diff: { ktlOnly: ['--show-secret'], kubectlOnly: [] },
  annotate: { ktlOnly: [], kubectlOnly: [] },
  wait: { ktlOnly: [], kubectlOnly: [] },
  rollout: { ktlOnly: [], kubectlOnly: [] },
  'rollout status': { ktlOnly: [], kubectlOnly: [] },
  config: { ktlOnly: [], kubectlOnly: [] },
  kustomize: { ktlOnly: [], kubectlOnly: [] },
  'config view': { ktlOnly: [], kubectlOnly: [] },
  'create token': { ktlOnly: [], kubectlOnly: [] },
  'apply edit-last-applied': { ktlOnly: [], kubectlOnly: [] },
  // --subresource comes with another change; -l is ktl's own.
  edit: { ktlOnly: ['-l, --selector'], kubectlOnly: ['--subresource'] },
  'auth reconcile': { ktlOnly: [], kubectlOnly: [] },
  // --kind, --replicas and --schedule are ktl's own (the generators kubectl removed); so is
  // --validate, which ktl's run reads to validate the generated object.
  run: { ktlOnly: ['--kind', '--replicas', '--schedule', '--validate'], kubectlOnly: [] },
  // create reads -f/-k itself (its subcommands own -o, --dry-run...): help must still list them.
  create: { ktlOnly: [], kubectlOnly: [] },
};

/** `--name=default:` lines of an Options list, keyed by `-x, --name`. */
function optionLines(help: string): Map<string, string> {
  const lines = help.split('\n').filter((l) => /^ {4}(-\w, )?--[\w-]+=.*:$/.test(l));
  return new Map(lines.map((l) => [l.trim().replace(/=.*$/, ''), l]));
}

/** The section headers in order, with the description first and the closing tip last. */
function sections(help: string): string[] {
  const found = ['description'];
  for (const line of help.split('\n')) {
    if (/^(Aliases|Examples|Available Commands|Options|Usage):$/.test(line))
      found.push(line.slice(0, -1));
    if (
      line.startsWith('Use "') &&
      line.endsWith('options" for a list of global command-line options (applies to all commands).')
    )
      found.push('options tip');
  }
  return found;
}

async function helpOf(tool: typeof ktl, words: string[]): Promise<string> {
  const result = await tool([...words, '--help']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, '');
  return result.stdout;
}

for (const [path, known] of Object.entries(KNOWN)) {
  test(`${path} --help: kubectl's option lines and section order`, async () => {
    const words = path.split(' ');
    const [ours, theirs] = await Promise.all([helpOf(ktl, words), helpOf(kubectl, words)]);
    const ourLines = optionLines(ours);
    const theirLines = optionLines(theirs);
    const shared = [...ourLines.keys()].filter((k) => theirLines.has(k));
    assert.deepEqual(
      shared.map((k) => ourLines.get(k)),
      shared.map((k) => theirLines.get(k)),
    );
    const ktlOnly = [...ourLines.keys()].filter((k) => !theirLines.has(k));
    const kubectlOnly = [...theirLines.keys()].filter((k) => !ourLines.has(k));
    assert.deepEqual(ktlOnly.sort(), [...known.ktlOnly].sort());
    assert.deepEqual(kubectlOnly.sort(), [...known.kubectlOnly].sort());
    // Same order of the shared flags (pflag sorts by name).
    const theirOrder = [...theirLines.keys()].filter((k) => ourLines.has(k));
    assert.deepEqual(shared, theirOrder);
    assert.deepEqual(sections(ours), sections(theirs));
    assert.ok(ours.endsWith('(applies to all commands).\n'));
    const usage = /\nUsage:\n {2}(.*)\n/.exec(ours)?.[1] ?? '';
    const theirUsage = /\nUsage:\n {2}(.*)\n/.exec(theirs)?.[1] ?? '';
    assert.equal(usage, theirUsage.replace(/^kubectl /, 'ktl '));
  });
}

test('help <command>, -h and --help print the same help to stdout', async () => {
  const [help, short, long] = await Promise.all([
    ktl(['help', 'scale']),
    ktl(['scale', '-h']),
    ktl(['scale', '--help']),
  ]);
  for (const result of [help, short, long]) {
    assert.equal(result.code, 0);
    assert.equal(result.stderr, '');
  }
  assert.equal(short.stdout, long.stdout);
  assert.equal(help.stdout, long.stdout);
  assert.match(
    long.stdout,
    /^Examples:\n {2}# Scale a replica set named 'foo' to 3\n {2}ktl scale --replicas=3 rs\/foo\n/m,
  );
});

test('root help: kubectl groups, ktl dash marked as ktl only, kubectl closing lines', async () => {
  const [ours, theirs] = await Promise.all([ktl(['--help']), kubectl(['--help'])]);
  assert.equal(ours.code, 0);
  const groups = (text: string): string[] => text.split('\n').filter((l) => /^[A-Z].*:$/.test(l));
  const theirGroups = groups(theirs.stdout).filter((g) => g !== 'Subcommands provided by plugins:');
  assert.deepEqual(groups(ours.stdout), theirGroups);
  assert.match(ours.stdout, /\n {2}dash {12}.*\(ktl only\)\n/);
  assert.match(ours.stdout, /\n {2}get {13}Display one or many resources\n/);
  const tail = (text: string): string => text.slice(text.lastIndexOf('\nUsage:'));
  assert.equal(tail(ours.stdout), tail(theirs.stdout).replaceAll('kubectl', 'ktl'));
  const helpCommand = await ktl(['help']);
  assert.equal(helpCommand.stdout, ours.stdout);
});

test('group help lists Available Commands padded as kubectl pads them', async () => {
  const [ours, theirs] = await Promise.all([
    ktl(['rollout', '--help']),
    kubectl(['rollout', '--help']),
  ]);
  const list = (text: string): string =>
    /\nAvailable Commands:\n((?: {2}.*\n)+)/.exec(text)?.[1] ?? '';
  assert.equal(list(ours.stdout), list(theirs.stdout));
  assert.match(
    ours.stdout,
    /\nUse "ktl rollout <command> --help" for more information about a given command\.\n/,
  );
});

test("ktl options: the global flags with kubectl's defaults", async () => {
  const [ours, theirs] = await Promise.all([ktl(['options']), kubectl(['options'])]);
  assert.equal(ours.code, 0);
  assert.ok(ours.stdout.startsWith('The following options can be passed to any command:\n\n'));
  const ourLines = optionLines(ours.stdout);
  const theirLines = optionLines(theirs.stdout);
  const shared = [...ourLines.keys()].filter((k) => theirLines.has(k));
  assert.deepEqual(
    shared.map((k) => ourLines.get(k)),
    shared.map((k) => theirLines.get(k)),
  );
  assert.deepEqual(
    [...ourLines.keys()].filter((k) => !theirLines.has(k)),
    [],
  );
  for (const flag of [
    '--kubeconfig',
    '-n, --namespace',
    '--request-timeout',
    '-v, --v',
    '--cache-dir',
  ])
    assert.ok(shared.includes(flag), flag);
  // Global flags are not repeated under a command.
  assert.doesNotMatch((await ktl(['scale', '--help'])).stdout, /--kubeconfig=/);
});
