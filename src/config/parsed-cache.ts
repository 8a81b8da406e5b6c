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
 * file has another hash, so an entry is never stale, and only the newest entry of each file is
 * kept. Entries hold no static credential (see credential-ranges.ts: offsets into the file
 * instead); files are 0600 in a 0700 directory. Every failure is a miss, never fatal.
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

  /** The parsed document for a text, if kept under this slot (what it is the parse of). */
  read(key: string, slot: string): { value: unknown } | undefined {
    try {
      const text = readFileSync(join(this.dir, entryName(key, slot)), 'utf8');
      return { value: JSON.parse(text) as unknown };
    } catch {
      return undefined;
    }
  }

  /**
   * Keeps a parsed document (atomically) as the one entry of its slot (e.g. one kubeconfig
   * path): the entries of the file's earlier contents are removed, as are entries of the
   * earlier format (named by the hash alone), which held static credentials.
   */
  write(key: string, value: unknown, slot: string): void {
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const name = entryName(key, slot);
      const temp = join(this.dir, `.${name}.${process.pid}.tmp`);
      writeFileSync(temp, JSON.stringify(value), { mode: 0o600 });
      renameSync(temp, join(this.dir, name));
      this.prune(name, slotPrefix(slot));
    } catch {
      // a cache write failing changes nothing for the user
    }
  }

  private prune(kept: string, prefix: string): void {
    const entries = readdirSync(this.dir).filter((f) => f.endsWith('.json'));
    for (const entry of entries) {
      const older = entry.startsWith(prefix) && entry !== kept;
      if (older || LEGACY_ENTRY.test(entry)) unlinkSync(join(this.dir, entry));
    }
    const rest = readdirSync(this.dir).filter((f) => f.endsWith('.json'));
    if (rest.length <= KEEP_ENTRIES) return;
    const byAge = rest
      .map((name) => ({ name, mtime: statSync(join(this.dir, name)).mtimeMs }))
      .sort((a, b) => a.mtime - b.mtime);
    for (const entry of byAge.slice(0, rest.length - KEEP_ENTRIES))
      unlinkSync(join(this.dir, entry.name));
  }
}

/** Entries written before slots existed: `<sha256>.json`, with credentials in them. */
const LEGACY_ENTRY = /^[0-9a-f]{64}\.json$/;

function slotPrefix(slot: string): string {
  return `${createHash('sha256').update(slot).digest('hex').slice(0, 16)}-`;
}

function entryName(key: string, slot: string): string {
  return `${slotPrefix(slot)}${key}.json`;
}
