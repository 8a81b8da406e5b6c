/** The parse tree of a kubectl (client-go util/jsonpath) template. */

/** One bound of a slice `[start:end:step]`. */
export interface SliceParam {
  value: number;
  known: boolean;
  derived: boolean;
}

/** A node inside an action (`{...}`) or literal text. */
export type PathNode =
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'array'; params: [SliceParam, SliceParam, SliceParam] }
  | { type: 'filter'; left: PathNode[]; right: PathNode[]; operator: string }
  | { type: 'union'; branches: PathNode[][] }
  | { type: 'identifier'; name: 'range' | 'end' }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'list'; nodes: PathNode[] };
