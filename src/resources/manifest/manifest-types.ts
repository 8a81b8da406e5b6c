import type { KubeObject } from '../kube-object.js';

/** One step of a field path: a map key or a list index. */
export type PathSegment = string | number;

/** A 1-based line and column in a source file. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Field positions by pathKey (a Map, or positions computed on demand). */
export interface PositionLookup {
  get(key: string): SourcePosition | undefined;
}

/** Where a manifest object came from, and where each of its fields sits in that file. */
export interface ManifestSource {
  /** The file name as the user gave it (or "STDIN", or the URL). */
  file: string;
  /** 1-based index of the YAML document in its file (empty documents count). */
  document: number;
  /** The path of this object inside its document: [] or ['items', 3] for a List item. */
  itemPath: PathSegment[];
  /** Positions by pathKey(full path inside the document). */
  positions: PositionLookup;
}

/** An object read from a manifest, with its source. */
export interface ManifestObject {
  object: KubeObject;
  source: ManifestSource;
}

/** The map key for a path (segments cannot contain the separator in practice). */
export function pathKey(path: readonly PathSegment[]): string {
  return path.map(String).join('\u001f');
}

/**
 * The position of a field of a manifest object: the field's own position, or that of its
 * nearest ancestor present in the file, or the object's start.
 */
export function positionOf(source: ManifestSource, path: readonly PathSegment[]): SourcePosition {
  const full = [...source.itemPath, ...path];
  for (let length = full.length; length >= 0; length--) {
    const found = source.positions.get(pathKey(full.slice(0, length)));
    if (found) return found;
  }
  return { line: 1, column: 1 };
}

/** kubectl's spelling of a field path: `spec.containers[0].image`. */
export function formatFieldPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** `Kind/name` of an object for messages (name may be missing). */
export function objectLabel(object: KubeObject): string {
  const kind = typeof object['kind'] === 'string' ? object['kind'] : '<no kind>';
  const metadata = object['metadata'];
  const name =
    metadata && typeof metadata === 'object'
      ? ((metadata as Record<string, unknown>)['name'] ??
        (metadata as Record<string, unknown>)['generateName'])
      : undefined;
  return typeof name === 'string' && name !== '' ? `${kind}/${name}` : kind;
}

/** `file:line:column (document N, Kind/name)`: the prefix of every problem in an object. */
export function locate(manifest: ManifestObject, path: readonly PathSegment[]): string {
  const at = positionOf(manifest.source, path);
  const { file, document } = manifest.source;
  return `${file}:${at.line}:${at.column} (document ${document}, ${objectLabel(manifest.object)})`;
}
