import { readFileSync } from 'node:fs';
import { PlainError } from '../errors/errors.js';

const GO_ERRNO: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
};

/** Go's *PathError text for a failed read: `open /x: no such file or directory`. */
function goPathError(path: string, error: NodeJS.ErrnoException): string {
  const op = error.code === 'EISDIR' ? 'read' : 'open';
  const reason = GO_ERRNO[error.code ?? ''] ?? error.message;
  return `${op} ${path}: ${reason}`;
}

/**
 * Reads a template file for -o *-file formats; kubectl's message on failure (`--template` for
 * jsonpath and go-template files, `template` for custom-columns-file), trailing newline included.
 */
export function readTemplateFile(path: string, flagWord: '--template' | 'template'): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const cause = goPathError(path, error as NodeJS.ErrnoException);
    throw new PlainError(`error reading ${flagWord} ${path}, ${cause}\n`);
  }
}
