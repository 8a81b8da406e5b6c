/**
 * kubectl cp's file specifications and path rules (cp.go extractFileSpec, filespec.go): Go's
 * path.Clean/Join semantics, trailing slashes dropped, leading slashes and `../` stripped from
 * what a pod's tar names.
 */
import { PlainError } from '../../errors/errors.js';
import { posix } from 'node:path';

/** `[[namespace/]pod:]path`: a pod name means the path is in that pod. */
export interface FileSpec {
  podNamespace: string;
  podName: string;
  file: string;
}

const FORMAT_ERROR = 'filespec must match the canonical format: [[namespace/]pod:]file/path';

/** Drops one trailing slash (but keeps "/"). */
export function stripTrailingSlash(file: string): string {
  return file !== '/' && file.endsWith('/') ? file.slice(0, -1) : file;
}

/** Remote paths use forward slashes only. */
function remotePath(file: string): string {
  return stripTrailingSlash(file).replaceAll('\\', '/');
}

/** extractFileSpec: the part before the first `:` names the pod (and maybe its namespace). */
export function parseFileSpec(arg: string): FileSpec {
  const colon = arg.indexOf(':');
  if (colon === 0) throw new PlainError(FORMAT_ERROR);
  if (colon < 0) return { podNamespace: '', podName: '', file: stripTrailingSlash(arg) };
  const pieces = arg.slice(0, colon).split('/');
  const file = remotePath(arg.slice(colon + 1));
  if (pieces.length === 1) return { podNamespace: '', podName: pieces[0] ?? '', file };
  if (pieces.length === 2) return { podNamespace: pieces[0] ?? '', podName: pieces[1] ?? '', file };
  throw new PlainError(FORMAT_ERROR);
}

/** Go's path.Clean. */
export function goClean(path: string): string {
  if (path === '') return '.';
  const cleaned = posix.normalize(path);
  return cleaned.length > 1 && cleaned.endsWith('/') ? cleaned.slice(0, -1) : cleaned;
}

/** Go's path.Join: empty elements ignored, the result cleaned ("" when all are empty). */
export function goJoin(...elements: string[]): string {
  const parts = elements.filter((e) => e !== '');
  return parts.length === 0 ? '' : goClean(parts.join('/'));
}

/** Go's path.Dir and path.Base. */
export function goDir(path: string): string {
  const slash = path.lastIndexOf('/');
  return goClean(slash < 0 ? '' : path.slice(0, slash + 1));
}

export function goBase(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** stripPathShortcuts: leading `../` removed, `.`/`..` made empty, one leading `/` dropped. */
export function stripPathShortcuts(path: string): string {
  let current = path;
  while (current.startsWith('../')) current = current.slice(3);
  if (current === '.' || current === '..') current = '';
  return current.startsWith('/') ? current.slice(1) : current;
}

/** Leading slashes (and backslashes) removed. */
export function stripLeadingSlashes(path: string): string {
  return path.replace(/^[/\\]+/, '');
}

/** isRelative: target stays inside base (filepath.Rel, then no `../` to strip). */
export function isInside(base: string, target: string): boolean {
  if (posix.isAbsolute(base) !== posix.isAbsolute(target)) return false;
  const relative = posix.relative(base, target) || '.';
  return relative === '.' || relative === stripPathShortcuts(relative);
}
