/**
 * Writes the entries of a pod's `tar cf -` under a local destination as kubectl's untarAll:
 * names must start with the source's prefix, entries that would land outside the destination
 * and symlinks are skipped with kubectl's warnings, files are created 0666 (umask applies).
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { PlainError } from '../../errors/errors.js';
import { quoteGo } from '../../printers/jsonpath/go-strings.js';
import type { TarEntry, TarHandlers } from '../../resources/tar/index.js';
import type { OutputStream } from '../../util/io-streams.js';
import { goDir, goJoin, isInside, stripTrailingSlash } from './file-spec.js';

/** What the symlink hint names: `<cmd> exec -n <ns> <pod> -- tar cf - <src> | tar xf -`. */
export interface SymlinkHint {
  commandName: string;
  namespace: string;
  pod: string;
  source: string;
}

const GO_ERRNO: Record<string, string> = {
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  EEXIST: 'file exists',
  ENOSPC: 'no space left on device',
  EROFS: 'read-only file system',
};

/** An fs error in Go's *PathError words: `mkdir out/x: not a directory`. */
function pathError(op: string, path: string, error: unknown): PlainError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return new PlainError(`${op} ${path}: ${GO_ERRNO[code] ?? (error as Error).message}`);
}

function mkdirAll(path: string): void {
  try {
    mkdirSync(path, { recursive: true, mode: 0o755 });
  } catch (error) {
    throw pathError('mkdir', path, error);
  }
}

export class LocalExtractor implements TarHandlers {
  private file: number | undefined;
  private symlinkWarned = false;

  constructor(
    private readonly prefix: string,
    private readonly dest: string,
    private readonly err: OutputStream,
    private readonly hint: SymlinkHint,
  ) {}

  entry(entry: TarEntry): void {
    if (!entry.name.startsWith(this.prefix)) throw new PlainError('tar contents corrupted');
    const rest = stripTrailingSlash(entry.name.slice(this.prefix.length).replaceAll('\\', '/'));
    const target = stripTrailingSlash(goJoin(this.dest, rest));
    if (!isInside(this.dest, target)) {
      this.err.write(`warning: file ${quoteGo(target)} is outside target destination, skipping\n`);
      return;
    }
    mkdirAll(goDir(target));
    if (entry.type === 'directory') {
      mkdirAll(target);
      return;
    }
    if (entry.type === 'symlink') {
      this.warnSymlink(target, entry.linkname);
      return;
    }
    try {
      this.file = openSync(target, 'w', 0o666);
    } catch (error) {
      throw pathError('open', target, error);
    }
  }

  data(chunk: Buffer): void {
    if (this.file !== undefined) writeSync(this.file, chunk);
  }

  entryEnd(): void {
    if (this.file !== undefined) closeSync(this.file);
    this.file = undefined;
  }

  /** Closes a file left open by an archive that ended early. */
  close(): void {
    this.entryEnd();
  }

  private warnSymlink(target: string, linkname: string): void {
    const link = `${quoteGo(target)} -> ${quoteGo(linkname)}`;
    if (!this.symlinkWarned) {
      const { commandName, namespace, pod, source } = this.hint;
      const exec = `${commandName} exec -n ${quoteGo(namespace)} ${quoteGo(pod)} -- tar cf - ${quoteGo(source)} | tar xf -`;
      this.err.write(`warning: skipping symlink: ${link} (consider using "${exec}")\n`);
      this.symlinkWarned = true;
      return;
    }
    this.err.write(`warning: skipping symlink: ${link}\n`);
  }
}
