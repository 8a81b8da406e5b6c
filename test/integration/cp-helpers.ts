/** What the cp tests compare: the trees two copies leave, and both tools' stderr and exit code. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { RunResult } from '../helpers/cluster.js';

/**
 * Every path below dir with its type, mode and content (as text, or as `show` renders the bytes),
 * for comparing two copies.
 */
export function tree(
  dir: string,
  show: (bytes: Buffer) => string = (bytes) => bytes.toString('utf8'),
): string[] {
  const entries: string[] = [];
  const walk = (path: string): void => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      const stat = statSync(full, { throwIfNoEntry: false });
      const rel = relative(dir, full);
      if (!stat) entries.push(`${rel} (dangling)`);
      else if (stat.isDirectory()) {
        entries.push(`${rel}/`);
        walk(full);
      } else entries.push(`${rel} ${(stat.mode & 0o777).toString(8)} ${show(readFileSync(full))}`);
    }
  };
  walk(dir);
  return entries;
}

/**
 * Both tools' results: stderr with kubectl's name replaced and each tool's destination named D,
 * and the exit codes, must match.
 */
export function assertSame(
  mine: RunResult,
  theirs: RunResult,
  what: string,
  dirs: readonly [string, string] = ['', ''],
): void {
  const named = (text: string, dir: string): string => (dir ? text.replaceAll(dir, 'D') : text);
  assert.equal(
    named(mine.stderr, dirs[0]),
    named(theirs.stderr, dirs[1]).replaceAll('kubectl', 'ktl'),
    `stderr of ${what}`,
  );
  assert.equal(mine.code, theirs.code, `exit code of ${what}`);
}

/** Every path below dir with its type, mode, size and a digest of its bytes (for large files). */
export function digestTree(dir: string): string[] {
  return tree(
    dir,
    (bytes) =>
      `${bytes.length} bytes sha256:${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`,
  );
}
