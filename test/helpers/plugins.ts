/**
 * Plugins for the plugin tests: the real ones that scripts/cluster/build-plugins.sh builds from
 * Go modules (cached, so this is instant after the first run), and little shell-script plugins
 * made in a temporary directory.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './cluster.js';

let built: string | undefined;

/** The directory holding kubectl-krew, kubectl-ns and kubectl-objects (built when missing). */
export function realPluginDir(): string {
  if (built) return built;
  const result = spawnSync('bash', [join(repoRoot, 'scripts/cluster/build-plugins.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const dir = result.stdout.trim().split('\n').at(-1);
  if (result.status !== 0 || !dir) throw new Error('scripts/cluster/build-plugins.sh failed');
  built = dir;
  return dir;
}

/** A temporary directory of script plugins, removed when the test (or file) ends. */
export class PluginDir {
  readonly path: string;
  constructor(after: (fn: () => void) => void) {
    this.path = mkdtempSync(join(tmpdir(), 'ktl-plugins-'));
    after(() => rmSync(this.path, { recursive: true, force: true }));
  }

  /** Writes a shell script `name` (executable unless mode says otherwise) in `subdir`. */
  script(name: string, body: string, subdir = '', mode = 0o755): string {
    const dir = join(this.path, subdir);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, mode);
    return file;
  }

  dir(subdir: string): string {
    const dir = join(this.path, subdir);
    mkdirSync(dir, { recursive: true });
    return dir;
  }
}
