import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { goJson, sortKeysDeep } from '../../util/go-json.js';
import type { JsonObject, JsonValue } from '../patch/json-value.js';
import { isJsonObject } from '../patch/json-value.js';
import { KustomizeError } from './errors.js';
import { scalarText } from './kustomization.js';
import type { Loader } from './loader.js';
import type { Behavior } from './resource.js';
import { Resource } from './resource.js';

/** generatorOptions (global or per generator). */
export interface GeneratorOptions {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  disableNameSuffixHash: boolean;
  immutable: boolean;
}

export function parseOptions(value: JsonValue | undefined): GeneratorOptions | undefined {
  if (!isJsonObject(value)) return undefined;
  return {
    labels: stringMap(value['labels']),
    annotations: stringMap(value['annotations']),
    disableNameSuffixHash: value['disableNameSuffixHash'] === true,
    immutable: value['immutable'] === true,
  };
}

function stringMap(value: JsonValue | undefined): Record<string, string> {
  if (!isJsonObject(value)) return {};
  const result: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) result[k] = scalarText(v);
  return result;
}

/** MergeGlobalOptionsIntoLocal: the global labels and annotations override the local ones. */
export function mergeOptions(
  local: GeneratorOptions | undefined,
  global: GeneratorOptions | undefined,
): GeneratorOptions {
  const base = local ?? {
    labels: {},
    annotations: {},
    disableNameSuffixHash: false,
    immutable: false,
  };
  if (!global) return base;
  return {
    labels: { ...base.labels, ...global.labels },
    annotations: { ...base.annotations, ...global.annotations },
    disableNameSuffixHash: base.disableNameSuffixHash || global.disableNameSuffixHash,
    immutable: base.immutable || global.immutable,
  };
}

function removeQuotes(text: string): string {
  if (text.length < 2 || text[0] !== text[text.length - 1]) return text;
  return text[0] === '"' || text[0] === "'" ? text.slice(1, -1) : text;
}

function envPairs(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    let line = index === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    line = line.replace(/\r$/, '').replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    // kustomize 5.7.1's validator accepts any key here (its IsEnvVarName returns nil)
    const value = eq < 0 ? (process.env[key] ?? '') : line.slice(eq + 1);
    if (key !== '') pairs.push([key, value]); // `=value` lines give kubectl no key either
  });
  return pairs;
}

/** Runs `work`, prefixing a KustomizeError's message as kustomize's kv loader wraps them. */
function prefixed<T>(prefix: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof KustomizeError)) throw error;
    throw new KustomizeError(`loading KV pairs: ${prefix}: ${error.message}`);
  }
}

/** The key/value pairs of a generator: env files, then literals, then files (kv loader). */
function loadPairs(args: JsonObject, loader: Loader): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const envs = [...strings(args['envs'])];
  if (typeof args['env'] === 'string' && args['env'] !== '') envs.push(args['env']);
  prefixed(`env source files: [${envs.join(' ')}]`, () => {
    for (const env of envs) pairs.push(...envPairs(loader.load(env)));
  });
  const literals = strings(args['literals']);
  prefixed(`literal sources [${literals.join(' ')}]`, () => {
    for (const literal of literals) {
      const eq = literal.indexOf('=');
      if (eq <= 0)
        throw new KustomizeError(`invalid literal source ${literal}, expected key=value`);
      pairs.push([literal.slice(0, eq), removeQuotes(literal.slice(eq + 1))]);
    }
  });
  const files = strings(args['files']);
  prefixed(`file sources: [${files.join(' ')}]`, () => {
    for (const source of files) {
      const eq = source.indexOf('=');
      let key = basename(source);
      let path = source;
      if (eq >= 0) {
        key = source.slice(0, eq);
        path = source.slice(eq + 1);
        if (key === '') throw new KustomizeError(`key name for file path ${path} missing`);
        if (path === '') throw new KustomizeError(`file path for key name ${key} missing`);
      }
      pairs.push([key, loader.load(path)]);
    }
  });
  return pairs;
}

function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.map((v) => scalarText(v)) : [];
}

function isUtf8(text: string): boolean {
  return !text.includes('\uFFFD');
}

/** One configMapGenerator or secretGenerator entry as a resource (generators.MakeConfigMap/Secret). */
export function generate(
  kind: 'ConfigMap' | 'Secret',
  args: JsonObject,
  options: GeneratorOptions,
  loader: Loader,
  file: string,
): Resource {
  const name = typeof args['name'] === 'string' ? args['name'] : '';
  if (name === '') throw new KustomizeError(`${file}: a ${kind} generator needs a name`);
  const metadata: JsonObject = { name };
  if (typeof args['namespace'] === 'string' && args['namespace'] !== '')
    metadata['namespace'] = args['namespace'];
  const object: JsonObject = { apiVersion: 'v1', kind, metadata };
  if (kind === 'Secret')
    object['type'] =
      typeof args['type'] === 'string' && args['type'] !== '' ? args['type'] : 'Opaque';
  const data: JsonObject = {};
  const binary: JsonObject = {};
  const seen = new Set<string>();
  for (const [key, value] of loadPairs(args, loader)) {
    if (seen.has(key))
      throw new KustomizeError(
        `${kind === 'ConfigMap' ? 'configmap' : 'secret'} ${name} illegally repeats the key \`${key}\``,
      );
    seen.add(key);
    // no key check: kustomize 5.7.1's validator accepts any key (ErrIfInvalidKey returns nil)
    if (kind === 'Secret') data[key] = Buffer.from(value, 'utf8').toString('base64');
    else if (isUtf8(value)) data[key] = value;
    else binary[key] = Buffer.from(value, 'latin1').toString('base64');
  }
  if (Object.keys(data).length > 0) object['data'] = data;
  if (Object.keys(binary).length > 0) object['binaryData'] = binary;
  if (Object.keys(options.labels).length > 0) metadata['labels'] = { ...options.labels };
  if (Object.keys(options.annotations).length > 0)
    metadata['annotations'] = { ...options.annotations };
  if (options.immutable) object['immutable'] = true;
  const resource = new Resource(object, file);
  const behavior =
    typeof args['behavior'] === 'string' && args['behavior'] !== '' ? args['behavior'] : 'create';
  if (behavior !== 'create' && behavior !== 'merge' && behavior !== 'replace')
    throw new KustomizeError(
      `${file}: invalid behavior '${behavior}' (must be create, merge or replace)`,
    );
  resource.behavior = behavior as Behavior;
  resource.needsHash = !options.disableNameSuffixHash;
  return resource;
}

function encode(hex: string): string {
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((c) => swap[c] ?? c).join('');
}

/** hasher.HashRNode: the suffix of a generated ConfigMap or Secret. */
export function contentHash(object: JsonObject): string {
  const field = (key: string): JsonValue => {
    const value = object[key];
    return value === undefined || value === null ? '' : value;
  };
  // kustomize looks the name up as one path segment "metadata/name", which never matches: the
  // name it hashes is always empty (so renaming a generator keeps its suffix).
  const name = '';
  let encoded: JsonObject;
  if (object['kind'] === 'ConfigMap') {
    encoded = { kind: 'ConfigMap', name, data: field('data') };
    if (isJsonObject(object['binaryData'])) encoded['binaryData'] = object['binaryData'];
  } else if (object['kind'] === 'Secret') {
    encoded = { kind: 'Secret', type: field('type'), name, data: field('data') };
    if (isJsonObject(object['stringData'])) encoded['stringData'] = object['stringData'];
  } else encoded = object;
  return encode(
    createHash('sha256')
      .update(goJson(sortKeysDeep(encoded)))
      .digest('hex'),
  );
}
