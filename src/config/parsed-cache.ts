import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

const KEEP_ENTRIES = 32;

/**
 * Parsed kubeconfig documents kept as JSON, keyed by the SHA-256 of the file's text, so a warm
 * start never loads or runs the YAML parser (the costliest step of a short command). A changed
 * file has another hash, so an entry is never stale. Entries hold credentials like the
 * kubeconfig itself: files are 0600 in a 0700 directory. Every failure is a miss, never fatal.
 */
export class ParsedKubeConfigCache {
  private readonly dir: string;

  constructor(cacheRoot: string) {
    this.dir = join(cacheRoot, 'ktl-kubeconfig');
  }

  /** The hash a text is kept under. */
  static key(text: string): string {
    return createHash('sha256').update(text).digest('hex');
  }

  /** The parsed document for a text, if kept. */
  read(key: string): { value: unknown } | undefined {
    try {
      return { value: JSON.parse(readFileSync(join(this.dir, `${key}.json`), 'utf8')) as unknown };
    } catch {
      return undefined;
    }
  }

  /** Keeps a parsed document (atomically), dropping the oldest entries beyond a few dozen. */
  write(key: string, value: unknown): void {
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const temp = join(this.dir, `.${key}.${process.pid}.tmp`);
      writeFileSync(temp, JSON.stringify(value), { mode: 0o600 });
      renameSync(temp, join(this.dir, `${key}.json`));
      this.prune();
    } catch {
      // a cache write failing changes nothing for the user
    }
  }

  private prune(): void {
    const entries = readdirSync(this.dir).filter((f) => f.endsWith('.json'));
    if (entries.length <= KEEP_ENTRIES) return;
    const byAge = entries
      .map((name) => ({ name, mtime: statSync(join(this.dir, name)).mtimeMs }))
      .sort((a, b) => a.mtime - b.mtime);
    for (const entry of byAge.slice(0, entries.length - KEEP_ENTRIES))
      unlinkSync(join(this.dir, entry.name));
  }
}
