import type { JsonValue } from '../patch/json-value.js';
import { isJsonObject } from '../patch/json-value.js';
import type { NameBackReference } from './builtin-specs.js';
import {
  commonAnnotationSpecs,
  commonLabelSpecs,
  namePrefixSpecs,
  nameReferences,
  namespaceSpecs,
  replicaSpecs,
  templateLabelSpecs,
  varReferenceSpecs,
} from './builtin-specs.js';
import type { FieldSpec } from './field-spec.js';
import { mergeSpecs } from './field-spec.js';
import { KustomizeError } from './errors.js';
import { gvkString } from './gvk.js';
import { DEFAULT_ORDER_FIRST, DEFAULT_ORDER_LAST } from './sort.js';

/** The field specs every transformer uses (builtinconfig.TransformerConfig). */
export interface TransformerConfig {
  namePrefix: FieldSpec[];
  nameSuffix: FieldSpec[];
  namespace: FieldSpec[];
  commonLabels: FieldSpec[];
  templateLabels: FieldSpec[];
  commonAnnotations: FieldSpec[];
  varReference: FieldSpec[];
  images: FieldSpec[];
  replicas: FieldSpec[];
  nameReference: NameBackReference[];
}

type SpecField = Exclude<keyof TransformerConfig, 'nameReference'>;
const SPEC_FIELDS: SpecField[] = [
  'namePrefix',
  'nameSuffix',
  'namespace',
  'commonLabels',
  'templateLabels',
  'commonAnnotations',
  'varReference',
  'images',
  'replicas',
];

/** The built-in config, sorted once (every kustomization of a tree starts from a copy). */
let sortedDefault: TransformerConfig | undefined;

export function defaultConfig(): TransformerConfig {
  sortedDefault ??= buildDefaultConfig();
  const copy = { ...sortedDefault };
  for (const field of SPEC_FIELDS) copy[field] = [...sortedDefault[field]];
  copy.nameReference = sortedDefault.nameReference.map((r) => ({
    ...r,
    referrers: [...r.referrers],
  }));
  return copy;
}

function buildDefaultConfig(): TransformerConfig {
  return sortConfig({
    namePrefix: [...namePrefixSpecs],
    nameSuffix: [...namePrefixSpecs],
    namespace: [...namespaceSpecs],
    commonLabels: [...commonLabelSpecs],
    templateLabels: [...templateLabelSpecs],
    commonAnnotations: [...commonAnnotationSpecs],
    varReference: [...varReferenceSpecs],
    images: [],
    replicas: [...replicaSpecs],
    nameReference: nameReferences.map((r) => ({ ...r, referrers: [...r.referrers] })),
  });
}

/** TransformerConfig.sortFields: specs ordered by kind (legacy rank) then gvk string. */
function sortConfig(config: TransformerConfig): TransformerConfig {
  for (const field of SPEC_FIELDS) config[field] = sortSpecs(config[field]);
  for (const ref of config.nameReference) ref.referrers = sortSpecs(ref.referrers);
  return config;
}

/** Each spec's sort key, computed once: configs are merged and re-sorted at every level. */
const sortKeys = new WeakMap<FieldSpec, { rank: number; text: string }>();

function sortKey(spec: FieldSpec): { rank: number; text: string } {
  let key = sortKeys.get(spec);
  if (!key) {
    key = {
      rank: kindRank(spec.gvk.kind ?? ''),
      text: gvkString({
        group: spec.gvk.group ?? '',
        version: spec.gvk.version ?? '',
        kind: spec.gvk.kind ?? '',
      }),
    };
    sortKeys.set(spec, key);
  }
  return key;
}

function sortSpecs(list: FieldSpec[]): FieldSpec[] {
  const keyed = list.map((spec) => ({ spec, ...sortKey(spec) }));
  keyed.sort((a, b) => a.rank - b.rank || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return keyed.map((k) => k.spec);
}

function kindRank(kind: string): number {
  const first = DEFAULT_ORDER_FIRST.indexOf(kind);
  if (first >= 0) return -DEFAULT_ORDER_FIRST.length + first;
  const last = DEFAULT_ORDER_LAST.indexOf(kind);
  return last >= 0 ? 1 + last : 0;
}

export function emptyConfig(): TransformerConfig {
  return {
    namePrefix: [],
    nameSuffix: [],
    namespace: [],
    commonLabels: [],
    templateLabels: [],
    commonAnnotations: [],
    varReference: [],
    images: [],
    replicas: [],
    nameReference: [],
  };
}

/** TransformerConfig.Merge. */
export function mergeConfig(a: TransformerConfig, b: TransformerConfig): TransformerConfig {
  const result = emptyConfig();
  for (const field of SPEC_FIELDS) result[field] = sortSpecs(mergeSpecs(a[field], b[field]));
  result.nameReference = a.nameReference.map((r) => ({ ...r, referrers: [...r.referrers] }));
  for (const ref of b.nameReference) {
    const same = result.nameReference.find(
      (r) =>
        r.target.kind === ref.target.kind &&
        r.target.group === ref.target.group &&
        r.target.version === ref.target.version,
    );
    if (same) same.referrers = mergeSpecs(same.referrers, ref.referrers);
    else result.nameReference.push({ ...ref, referrers: [...ref.referrers] });
  }
  return result;
}

/** A field spec as written in YAML (`path`, `kind`, `group`, `version`, `create`). */
export function parseFieldSpec(value: JsonValue): FieldSpec {
  if (!isJsonObject(value) || typeof value['path'] !== 'string')
    throw new KustomizeError(`invalid field spec ${JSON.stringify(value)}`);
  const gvk: FieldSpec['gvk'] = {};
  for (const key of ['group', 'version', 'kind'] as const)
    if (typeof value[key] === 'string' && value[key] !== '') gvk[key] = value[key] as string;
  return { path: value['path'], gvk, create: value['create'] === true };
}

function parseSpecs(value: JsonValue | undefined): FieldSpec[] {
  return Array.isArray(value) ? value.map(parseFieldSpec) : [];
}

/** A `configurations:` file's content. */
export function parseConfigFile(value: JsonValue): TransformerConfig {
  const config = emptyConfig();
  if (!isJsonObject(value)) return config;
  for (const field of SPEC_FIELDS) config[field] = parseSpecs(value[field]);
  const refs = value['nameReference'];
  if (Array.isArray(refs))
    for (const ref of refs) {
      if (!isJsonObject(ref)) continue;
      config.nameReference.push({
        target: {
          group: typeof ref['group'] === 'string' ? ref['group'] : '',
          version: typeof ref['version'] === 'string' ? ref['version'] : '',
          kind: typeof ref['kind'] === 'string' ? ref['kind'] : '',
        },
        referrers: parseSpecs(ref['fieldSpecs']),
      });
    }
  return config;
}
