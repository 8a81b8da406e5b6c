import type { ScalarTag, Tags } from 'yaml';
import { MAYBE_NOT_STRING, resolvePlainKey, resolvePlainScalar } from './go-yaml-scalars.js';

/**
 * Plain scalars as kubectl's go-yaml v2 resolves them (see go-yaml-scalars). They are tried
 * before `yaml`'s own YAML 1.1 scalar tags, which stay for explicit tags (`!!int "3"`) only: on
 * their own they read `12:30` as 750 and `2001-12-14` as a Date, where kubectl keeps the text.
 */
const GO_YAML_VALUE: ScalarTag = {
  tag: 'tag:ktl,2026:go-yaml-v2-plain',
  default: true,
  test: MAYBE_NOT_STRING,
  resolve: (text, onError) => {
    const value = resolvePlainScalar(text);
    // sigs.k8s.io/yaml's JSON encoder refuses them: kubectl fails the whole read.
    if (typeof value === 'number' && !Number.isFinite(value))
      onError(`${text} cannot be converted to JSON (json: unsupported value: ${goSpecial(value)})`);
    return value;
  },
};

/** The same scalars as map keys, turned into JSON keys as sigs.k8s.io/yaml does. */
const GO_YAML_KEY: ScalarTag = {
  tag: 'tag:ktl,2026:go-yaml-v2-key',
  default: 'key',
  test: MAYBE_NOT_STRING,
  resolve: (text, onError) => {
    try {
      return resolvePlainKey(text);
    } catch (error) {
      onError((error as Error).message);
      return text;
    }
  },
};

function goSpecial(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? '+Inf' : '-Inf';
}

/** kubectl reads YAML as go-yaml v2 does: YAML 1.1 (`yes`/`on` are booleans). */
export const PARSE_OPTIONS = {
  version: '1.1',
  uniqueKeys: true,
  prettyErrors: false,
  merge: true,
  customTags: (tags: Tags): Tags => [GO_YAML_KEY, GO_YAML_VALUE, ...tags],
} as const;
