import type { Gvk } from './gvk.js';

/** Where a transformer acts: a slash path in objects of a gvk, created when missing if `create`. */
export interface FieldSpec {
  gvk: Partial<Gvk>;
  path: string;
  create: boolean;
}

/**
 * Parses the compact tables below: one spec per line, `path group/version/Kind [+]` where `+`
 * means create, empty parts match anything and `*` stands for "any object".
 */
export function specs(table: string): FieldSpec[] {
  const result: FieldSpec[] = [];
  for (const line of table.split('\n')) {
    const parts = line.trim().split(/\s+/);
    const [path, selector, create] = parts;
    if (!path) continue;
    result.push({ path, gvk: parseSelector(selector ?? '*'), create: create === '+' });
  }
  return result;
}

function parseSelector(selector: string): Partial<Gvk> {
  if (selector === '*') return {};
  const [group = '', version = '', kind = ''] = selector.split('/');
  const gvk: Partial<Gvk> = {};
  if (group) gvk.group = group;
  if (version) gvk.version = version;
  if (kind) gvk.kind = kind;
  return gvk;
}

/** FsSlice.MergeOne: appends unless an equal spec (same gvk and path) exists. */
export function mergeSpecs(into: FieldSpec[], more: readonly FieldSpec[]): FieldSpec[] {
  const result = [...into];
  for (const spec of more) {
    const same = result.find(
      (s) =>
        s.path === spec.path &&
        (s.gvk.group ?? '') === (spec.gvk.group ?? '') &&
        (s.gvk.version ?? '') === (spec.gvk.version ?? '') &&
        (s.gvk.kind ?? '') === (spec.gvk.kind ?? ''),
    );
    if (!same) result.push(spec);
    else if (same.create !== spec.create)
      throw new Error(`conflicting fieldspecs for path ${spec.path}`);
  }
  return result;
}

/** Split paths: a build walks the same few dozen spec paths thousands of times. */
const splitPaths = new Map<string, readonly string[]>();

/** Splits a field-spec path at `/`, keeping `\/` as a literal slash inside a segment. */
export function splitPath(path: string): readonly string[] {
  let segments = splitPaths.get(path);
  if (!segments) {
    segments = splitUncached(path);
    splitPaths.set(path, segments);
  }
  return segments;
}

function splitUncached(path: string): string[] {
  const segments: string[] = [];
  let current = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i] as string;
    if (c === '\\' && path[i + 1] === '/') {
      current += '/';
      i++;
    } else if (c === '/') {
      segments.push(current);
      current = '';
    } else current += c;
  }
  segments.push(current);
  return segments.filter((s) => s !== '');
}
