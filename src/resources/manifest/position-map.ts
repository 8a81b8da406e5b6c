import type { Node as YamlNode, LineCounter } from 'yaml';
import type * as YamlModule from 'yaml';
import type { PathSegment, PositionLookup, SourcePosition } from './manifest-types.js';
import { pathKey } from './manifest-types.js';
import { PARSE_OPTIONS } from './yaml-options.js';

/**
 * The field positions of one document, found when first asked for: the document's text is
 * parsed again on its own and its nodes' offsets shifted back into the file. Recording every
 * field of every document up front cost more memory than the objects themselves (a map entry
 * per field); only a message that points into the file needs them.
 */
export class LazyPositions implements PositionLookup {
  private map: Map<string, SourcePosition> | undefined;
  private readonly yaml: typeof YamlModule;
  private readonly text: string;
  private readonly range: readonly [number, number];
  private readonly lines: LineCounter;

  /** `range`: the document's start and end offsets in `text` (the whole file). */
  constructor(
    yaml: typeof YamlModule,
    text: string,
    range: readonly [number, number],
    lines: LineCounter,
  ) {
    this.yaml = yaml;
    this.text = text;
    this.range = range;
    this.lines = lines;
  }

  get(key: string): SourcePosition | undefined {
    this.map ??= this.build();
    return this.map.get(key);
  }

  private build(): Map<string, SourcePosition> {
    const [start, end] = this.range;
    const at = (offset: number): SourcePosition => {
      const { line, col } = this.lines.linePos(start + offset);
      return { line, column: col };
    };
    try {
      const doc = this.yaml.parseDocument(this.text.slice(start, end), PARSE_OPTIONS);
      return buildPositionMap(this.yaml, doc.contents, at);
    } catch {
      // Too deep to walk (the stack): messages point at the document's start instead.
      return new Map([[pathKey([]), at(0)]]);
    }
  }
}

/**
 * Records the position of every map key and list item in a parsed YAML document, by path.
 * Aliases are not followed (their targets were recorded where they were defined), so an alias
 * bomb costs nothing here.
 */
export function buildPositionMap(
  yaml: typeof YamlModule,
  root: YamlNode | null,
  at: (offset: number) => SourcePosition,
): Map<string, SourcePosition> {
  const positions = new Map<string, SourcePosition>();
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
