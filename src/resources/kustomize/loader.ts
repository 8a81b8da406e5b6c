import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { KustomizeError } from './errors.js';

/** kustomize's --load-restrictor values. */
export type LoadRestrictor = 'LoadRestrictionsRootOnly' | 'LoadRestrictionsNone';

/**
 * Reads files for one kustomization root (fileLoader): relative paths resolve against the
 * root; under RootOnly a file must sit in or below it. Each base gets a loader of its own,
 * which remembers the roots above it to catch cycles.
 */
export class Loader {
  readonly root: string;
  private readonly restrictor: LoadRestrictor;
  private readonly visited: readonly string[];

  private constructor(root: string, restrictor: LoadRestrictor, visited: readonly string[]) {
    this.root = root;
    this.restrictor = restrictor;
    this.visited = visited;
  }

  /** The loader of the top kustomization directory. */
  static forRoot(dir: string, restrictor: LoadRestrictor): Loader {
    const root = mustBeDirectory(dir);
    return new Loader(root, restrictor, [root]);
  }

  /** Whether `path` names a directory (relative to this root). */
  isDirectory(path: string): boolean {
    try {
      return statSync(this.absolute(path), { throwIfNoEntry: false })?.isDirectory() ?? false;
    } catch {
      return false; // ENOTDIR and the like: not a directory, as existsSync would say
    }
  }

  absolute(path: string): string {
    return isAbsolute(path) ? path : join(this.root, path);
  }

  /** A loader for a base or component directory under this one. */
  child(path: string): Loader {
    const root = mustBeDirectory(this.absolute(path));
    for (const seen of this.visited) {
      if (seen === root || seen.startsWith(root + sep))
        throw new KustomizeError(
          `cycle detected: candidate root '${root}' contains visited root '${seen}'`,
        );
    }
    return new Loader(root, this.restrictor, [...this.visited, root]);
  }

  /** The bytes of a file, enforcing the load restrictor. */
  load(path: string): string {
    const full = resolve(this.absolute(path));
    let real: string;
    try {
      real = realpathSync(full);
    } catch {
      throw new KustomizeError(
        `evalsymlink failure on '${full}' : lstat ${full}: no such file or directory`,
      );
    }
    if (this.restrictor === 'LoadRestrictionsRootOnly' && !inOrBelow(real, this.root))
      throw new KustomizeError(`security; file '${real}' is not in or below '${this.root}'`);
    if (statSync(real).isDirectory()) throw new KustomizeError(`read ${full}: is a directory`);
    return readFileSync(real, 'utf8');
  }
}

function inOrBelow(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function mustBeDirectory(dir: string): string {
  const full = resolve(dir);
  let real: string;
  try {
    real = realpathSync(full);
  } catch {
    throw new KustomizeError(
      `must build at directory: not a valid directory: evalsymlink failure on '${dir}' : lstat ${full}: no such file or directory`,
    );
  }
  if (!statSync(real).isDirectory())
    throw new KustomizeError(`must build at directory: '${dir}': file is not directory`);
  return real;
}

export { dirname };
