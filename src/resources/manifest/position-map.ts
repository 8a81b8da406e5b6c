import type { Node as YamlNode, LineCounter } from 'yaml';
import type * as YamlModule from 'yaml';
import type { PathSegment, SourcePosition } from './manifest-types.js';
import { pathKey } from './manifest-types.js';

/**
 * Records the position of every map key and list item in a parsed YAML document, by path.
 * Aliases are not followed (their targets were recorded where they were defined), so an alias
 * bomb costs nothing here.
 */
export function buildPositionMap(
  yaml: typeof YamlModule,
  root: YamlNode | null,
  lines: LineCounter,
): Map<string, SourcePosition> {
  const positions = new Map<string, SourcePosition>();
  const at = (offset: number): SourcePosition => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const visit = (node: unknown, path: PathSegment[]): void => {
    if (yaml.isMap(node)) {
      for (const pair of node.items) {
        const key = yaml.isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined || key === '<<') continue;
        const keyRange = yaml.isNode(pair.key) ? pair.key.range : undefined;
        const child = [...path, key];
        if (keyRange) positions.set(pathKey(child), at(keyRange[0]));
        visit(pair.value, child);
      }
    } else if (yaml.isSeq(node)) {
      node.items.forEach((item, index) => {
        const child = [...path, index];
        const range = yaml.isNode(item) ? item.range : undefined;
        if (range) positions.set(pathKey(child), at(range[0]));
        visit(item, child);
      });
    }
  };
  if (root?.range) positions.set(pathKey([]), at(root.range[0]));
  visit(root, []);
  return positions;
}
