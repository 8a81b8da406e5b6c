import type { JsonObject, JsonValue } from '../patch/json-value.js';
import { isJsonObject } from '../patch/json-value.js';
import { KustomizeError } from './errors.js';
import { resIdString } from './gvk.js';
import { scalarText } from './kustomization.js';
import type { Loader } from './loader.js';
import type { ResMap } from './resmap.js';
import type { Resource } from './resource.js';
import type { Selector } from './selector.js';
import { parseSelectorField, selectResources } from './selector.js';
import { parseYamlDocuments } from './yaml-docs.js';

/** Splits a replacement field path (`spec.template.spec.containers.[name=app].image`). */
function pathParts(path: string): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  for (const c of path) {
    if (c === '[') depth++;
    if (c === ']') depth--;
    if (c === '.' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.filter((p) => p !== '');
}

function matchElement(list: JsonValue[], selector: string): number[] {
  const inner = selector.slice(1, -1);
  if (inner === '*') return list.map((_, i) => i);
  if (/^-?\d+$/.test(inner)) {
    const i = Number(inner);
    return i >= 0 && i < list.length ? [i] : [];
  }
  const eq = inner.indexOf('=');
  const key = inner.slice(0, eq);
  const value = inner.slice(eq + 1);
  return list.flatMap((item, i) => (isJsonObject(item) && String(item[key]) === value ? [i] : []));
}

/** Every value at a path (lists entered by `[k=v]`, `[i]` or `*`). */
function lookup(node: JsonValue | undefined, parts: string[]): JsonValue[] {
  if (node === undefined) return [];
  if (parts.length === 0) return [node];
  const [part = '', ...rest] = parts;
  if (part.startsWith('[') && Array.isArray(node))
    return matchElement(node, part).flatMap((i) => lookup(node[i], rest));
  if (part === '*' && Array.isArray(node)) return node.flatMap((item) => lookup(item, rest));
  if (/^\d+$/.test(part) && Array.isArray(node)) return lookup(node[Number(part)], rest);
  if (isJsonObject(node)) return lookup(node[part], rest);
  return [];
}

/** Sets a path, creating maps when `create`; returns how many fields were set. */
function setPath(node: JsonValue, parts: string[], value: JsonValue, create: boolean): number {
  const [part = '', ...rest] = parts;
  if (part.startsWith('[') && Array.isArray(node)) {
    let count = 0;
    for (const i of matchElement(node, part)) {
      if (rest.length === 0) {
        node[i] = structuredClone(value);
        count++;
      } else count += setPath(node[i] as JsonValue, rest, value, create);
    }
    return count;
  }
  if (/^\d+$/.test(part) && Array.isArray(node)) {
    const i = Number(part);
    if (i >= node.length) return 0;
    if (rest.length === 0) {
      node[i] = structuredClone(value);
      return 1;
    }
    return setPath(node[i] as JsonValue, rest, value, create);
  }
  if (part === '*' && Array.isArray(node))
    return node.reduce<number>(
      (n, item) => n + (rest.length === 0 ? 0 : setPath(item, rest, value, create)),
      0,
    );
  if (!isJsonObject(node)) return 0;
  if (rest.length === 0) {
    if (!(part in node) && !create) return 0;
    node[part] = structuredClone(value);
    return 1;
  }
  if (node[part] === undefined || node[part] === null) {
    if (!create) return 0;
    node[part] = {};
  }
  return setPath(node[part] as JsonValue, rest, value, create);
}

function delimited(
  original: JsonValue | undefined,
  value: JsonValue,
  options: JsonObject,
  isSource: boolean,
): JsonValue {
  const delimiter = typeof options['delimiter'] === 'string' ? options['delimiter'] : '';
  const index = typeof options['index'] === 'number' ? options['index'] : 0;
  if (delimiter === '') return value;
  if (isSource) {
    const parts = String(value).split(delimiter);
    if (index < 0 || index >= parts.length)
      throw new KustomizeError(
        `options.index ${index} is out of bounds for value ${String(value)}`,
      );
    return parts[index] as string;
  }
  const parts = typeof original === 'string' ? original.split(delimiter) : [];
  if (index < 0) parts.unshift(String(value));
  else if (index >= parts.length) parts.push(String(value));
  else parts[index] = String(value);
  return parts.join(delimiter);
}

function selectorMatches(
  resources: readonly Resource[],
  select: Selector,
  reject: Selector[],
): Resource[] {
  const chosen = selectResources(resources, select);
  const rejected = new Set(reject.flatMap((s) => selectResources(resources, s)));
  return chosen.filter((r) => !rejected.has(r));
}

/** The ReplacementTransformer: copies a source field into target fields. */
export function applyReplacements(
  resmap: ResMap,
  entries: readonly JsonValue[],
  loader: Loader,
): void {
  const replacements: JsonObject[] = [];
  for (const entry of entries) {
    if (!isJsonObject(entry)) continue;
    if (typeof entry['path'] === 'string') {
      for (const doc of parseYamlDocuments(
        loader.load(entry['path']),
        loader.absolute(entry['path']),
      ))
        if (Array.isArray(doc)) replacements.push(...doc.filter(isJsonObject));
        else if (isJsonObject(doc)) replacements.push(doc);
    } else replacements.push(entry);
  }
  for (const replacement of replacements) {
    const value = replacementValue(resmap, replacement);
    for (const target of replacement['targets'] as JsonValue[]) {
      if (!isJsonObject(target) || !isJsonObject(target['select']))
        throw new KustomizeError('target must specify resources to select');
      const select = parseSelectorField(target['select']) ?? {};
      const reject = Array.isArray(target['reject'])
        ? target['reject'].map((r) => parseSelectorField(r) ?? {})
        : [];
      const options = isJsonObject(target['options']) ? target['options'] : {};
      const create = options['create'] === true;
      const paths =
        Array.isArray(target['fieldPaths']) && target['fieldPaths'].length > 0
          ? target['fieldPaths'].map(String)
          : ['metadata.name'];
      for (const r of selectorMatches(resmap.resources, select, reject))
        for (const path of paths) {
          const parts = pathParts(path);
          const originals = lookup(r.object, parts);
          const next = delimited(originals[0], value, options, false);
          const set = setPath(r.object, parts, next, create);
          if (set === 0)
            throw new KustomizeError(
              `unable to find ${create ? 'or create ' : ''}field "${path}" in replacement target`,
            );
        }
    }
  }
}

/** kustomize's ResId.String() of a selector's id part (`Kind.version.group/name.namespace`). */
function selectorIdString(selector: JsonObject): string {
  const text = (key: string): string =>
    typeof selector[key] === 'string' ? (selector[key] as string) : '';
  return resIdString({
    gvk: { group: text('group'), version: text('version'), kind: text('kind') },
    name: text('name'),
    namespace: text('namespace'),
  });
}

/** SourceSelector.String(): the id, then `:fieldPath` and `:options` when set. */
function sourceSelectorString(source: JsonObject): string {
  const parts = [selectorIdString(source)];
  if (typeof source['fieldPath'] === 'string' && source['fieldPath'] !== '')
    parts.push(source['fieldPath']);
  const options = isJsonObject(source['options']) ? source['options'] : undefined;
  const delimiter = typeof options?.['delimiter'] === 'string' ? options['delimiter'] : '';
  const create = options?.['create'] === true;
  if (delimiter !== '' || create)
    parts.push(`${delimiter}(${Number(options?.['index'] ?? 0)}), create=${String(create)}`);
  return parts.join(':');
}

/** The value a replacement copies: its sourceValue, or the field of its one source object. */
function replacementValue(resmap: ResMap, replacement: JsonObject): JsonValue {
  const source = isJsonObject(replacement['source']) ? replacement['source'] : undefined;
  const sourceValue = replacement['sourceValue'];
  const hasValue = sourceValue !== undefined && sourceValue !== null;
  if ((!hasValue && !source) || !Array.isArray(replacement['targets']))
    throw new KustomizeError('replacements must specify a source and at least one target');
  if (hasValue && source)
    throw new KustomizeError('value and resource selectors are mutually exclusive');
  if (!source) return scalarText(sourceValue);
  const select = parseSelectorField(source) ?? {};
  const sources = selectResources(resmap.resources, select);
  if (sources.length > 1)
    throw new KustomizeError(`multiple matches for selector ${sourceSelectorString(source)}`);
  if (sources.length === 0)
    throw new KustomizeError(`nothing selected by ${sourceSelectorString(source)}`);
  const fieldPath =
    typeof source['fieldPath'] === 'string' && source['fieldPath'] !== ''
      ? source['fieldPath']
      : 'metadata.name';
  const found = lookup((sources[0] as Resource).object, pathParts(fieldPath));
  const first = found[0];
  const empty =
    first === undefined ||
    first === null ||
    (Array.isArray(first) && first.length === 0) ||
    (isJsonObject(first) && Object.keys(first).length === 0);
  if (empty)
    throw new KustomizeError(
      `fieldPath \`${fieldPath}\` is missing for replacement source ${selectorIdString(source)}`,
    );
  const sourceOptions = isJsonObject(source['options']) ? source['options'] : {};
  return delimited(undefined, first, sourceOptions, true);
}
