/**
 * `config` commands with a --kubeconfig file that does not exist yet: kubectl starts from an
 * empty config (PathOptions.GetStartingConfig), so set-* create the file and reads show an
 * empty config. ktl must print the same, exit the same and leave the same file (or none).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { kubectl, ktl } from '../helpers/cluster.js';

const commands = [
  ['get-contexts'],
  ['current-context'],
  ['view'],
  ['use-context', 'x'],
  ['set-cluster', 'c', '--server=https://example.invalid:6443'],
  ['set-context', 'foo', '--cluster=c'],
  ['set-credentials', 'u', '--token=t'],
  ['set', 'current-context', 'foo'],
  ['unset', 'current-context'],
  ['delete-context', 'foo'],
  ['get-clusters'],
  ['get-users'],
  ['rename-context', 'a', 'b'],
];

async function runIn(
  tool: typeof ktl,
  dir: string,
  args: string[],
): Promise<RunResult & { file?: string }> {
  const path = join(dir, 'config');
  const result = await tool(['--kubeconfig', path, 'config', ...args]);
  const file = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  return {
    ...result,
    stderr: result.stderr.replaceAll(dir, 'DIR'),
    ...(file === undefined ? {} : { file }),
  };
}

test('config commands start from an empty config when --kubeconfig names a missing file', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'ktl-config-missing-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  for (const [index, args] of commands.entries()) {
    const ours = mkdtempSync(join(root, `ktl-${index}-`));
    const theirs = mkdtempSync(join(root, `kubectl-${index}-`));
    const [got, want] = await Promise.all([runIn(ktl, ours, args), runIn(kubectl, theirs, args)]);
    assert.deepEqual(
      { ...got, stderr: got.stderr.replaceAll(ours, 'DIR') },
      { ...want, stderr: want.stderr.replaceAll(theirs, 'DIR') },
      `config ${args.join(' ')}`,
    );
  }
});
