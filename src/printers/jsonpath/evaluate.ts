import { compareFilter, FloatValue } from './compare.js';
import type { PathNode } from './nodes.js';

type Json = unknown;

function isMap(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sortedValues(map: Record<string, Json>): Json[] {
  return Object.keys(map)
    .sort()
    .map((k) => map[k]);
}

function typeName(value: Json): string {
  if (isMap(value)) return 'map[string]interface {}';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  return 'interface {}';
}

/** Evaluates parsed JSONPath templates the way client-go's JSONPath.FindResults does. */
export class JsonPathEvaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEnd = -1;
  private readonly allowMissingKeys: boolean;

  constructor(allowMissingKeys: boolean) {
    this.allowMissingKeys = allowMissingKeys;
  }

  /** The results of each top-level node (text or action), range blocks expanded. */
  findResults(nodes: readonly PathNode[], data: Json, offset = 0): Json[][] {
    const full: Json[][] = [];
    const cur: Json[] = data === undefined ? [] : [data];
    for (let i = offset; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i] as PathNode);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEnd = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0)
          for (const value of results) full.push(...this.findResults(nodes, value, i + 1));
        else this.findResults(nodes, undefined, i + 1);
        this.inRange--;
        if (this.lastEnd > i) i = this.lastEnd;
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: Json[], node: PathNode): Json[] {
    switch (node.type) {
      case 'list':
        return node.nodes.reduce<Json[]>((cur, child) => this.walk(cur, child), input);
      case 'text':
        return [node.text];
      case 'field':
        return this.field(input, node.name);
      case 'array':
        return this.array(input, node.params);
      case 'filter':
        return this.filter(input, node);
      case 'int':
        return [node.value];
      case 'float':
        return [new FloatValue(node.value)];
      case 'bool':
        return [node.value];
      case 'wildcard':
        return input.flatMap((v) => (isMap(v) ? sortedValues(v) : Array.isArray(v) ? v : []));
      case 'recursive':
        return this.recursive(input);
      case 'union':
        return node.branches.flatMap((branch) =>
          branch.reduce<Json[]>((cur, child) => this.walk(cur, child), input),
        );
      case 'identifier':
        if (node.name === 'range') this.beginRange++;
        else if (this.inRange > 0) this.endRange++;
        else throw new Error('not in range, nothing to end');
        return node.name === 'range' ? input : [];
    }
  }

  private field(input: Json[], name: string): Json[] {
    if (input.length === 0) return [];
    if (name === '') return input;
    const results: Json[] = [];
    for (const value of input) {
      if (isMap(value) && Object.prototype.hasOwnProperty.call(value, name))
        results.push(value[name]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new Error(`${name} is not found`);
    return results;
  }

  private array(input: Json[], params: Extract<PathNode, { type: 'array' }>['params']): Json[] {
    const result: Json[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value)) throw new Error(`${typeName(value)} is not array or slice`);
      const length = value.length;
      let start = params[0].known ? params[0].value : 0;
      if (start < 0) start += length;
      let end = params[1].known ? params[1].value : length;
      if (end < 0 || (end === 0 && params[1].derived)) end += length;
      if (end === start) return result;
      if (start >= length || start < 0)
        throw new Error(`array index out of bounds: index ${start}, length ${length}`);
      if (end > length || end < 0)
        throw new Error(`array index out of bounds: index ${end - 1}, length ${length}`);
      if (start > end)
        throw new Error(`starting index ${start} is greater than ending index ${end}`);
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) throw new Error('step must be > 0');
        step = params[2].value;
      }
      for (let i = start; i < end; i += step) result.push(value[i]);
    }
    return result;
  }

  private recursive(input: Json[]): Json[] {
    const result: Json[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      let children: Json[] = [];
      if (isMap(value)) children = sortedValues(value);
      else if (Array.isArray(value)) children = value;
      else if (typeof value === 'string') children = [...Buffer.from(value)];
      if (children.length === 0) continue;
      result.push(value, ...this.recursive(children));
    }
    return result;
  }

  private filter(input: Json[], node: Extract<PathNode, { type: 'filter' }>): Json[] {
    const results: Json[] = [];
    for (const value of input) {
      if (!Array.isArray(value))
        throw new Error(`${String(value)} is not array or slice and cannot be filtered`);
      for (const item of value) {
        const lefts = this.tryWalk(item, node.left, node.operator === 'exists');
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new Error('can only compare one element at a time');
        const rights = this.walk([item], { type: 'list', nodes: node.right });
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new Error('can only compare one element at a time');
        if (compareFilter(node.operator, asOperand(lefts[0]), rights[0])) results.push(item);
      }
    }
    return results;
  }

  private tryWalk(item: Json, nodes: PathNode[], ignoreErrors: boolean): Json[] {
    try {
      return this.walk([item], { type: 'list', nodes });
    } catch (error) {
      if (ignoreErrors) return [];
      throw error;
    }
  }
}

function asOperand(value: Json): Json {
  return typeof value === 'number' && !Number.isInteger(value) ? new FloatValue(value) : value;
}
