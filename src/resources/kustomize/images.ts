import type { JsonObject, JsonValue } from '../patch/json-value.js';
import { isJsonObject } from '../patch/json-value.js';
import type { FieldSpec } from './field-spec.js';
import { walkFieldSpec } from './field-walk.js';
import type { ResMap } from './resmap.js';

/** One `images` entry. */
export interface ImageRule {
  name: string;
  newName: string;
  newTag: string;
  digest: string;
}

/** image.Split: name, tag and digest of an image reference (a registry port is not a tag). */
export function splitImage(image: string): { name: string; tag: string; digest: string } {
  const slash = image.indexOf('/');
  const offset = slash > 0 ? slash : 0;
  const search = image.slice(offset);
  let at = search.indexOf('@');
  let colon = search.indexOf(':');
  if (colon < 0 && at < 0) return { name: image, tag: '', digest: '' };
  if (at >= 0 && (at < colon || colon < 0)) {
    at += offset;
    return { name: image.slice(0, at), tag: '', digest: image.slice(at + 1) };
  }
  if (at >= 0 && colon >= 0) {
    at += offset;
    colon += offset;
    return {
      name: image.slice(0, colon),
      tag: image.slice(colon + 1, at),
      digest: image.slice(at + 1),
    };
  }
  colon += offset;
  return { name: image.slice(0, colon), tag: image.slice(colon + 1), digest: '' };
}

/** Each rule name's pattern, compiled once (null: the name is not a valid pattern). */
const patterns = new Map<string, RegExp | null>();

function matches(image: string, name: string): boolean {
  let pattern = patterns.get(name);
  if (pattern === undefined) {
    try {
      pattern = new RegExp(`^${name}(@sha256)?(:[a-zA-Z0-9_.{}-]*)?$`);
    } catch {
      pattern = null;
    }
    patterns.set(name, pattern);
  }
  return pattern !== null && pattern.test(image);
}

function updated(image: string, rule: ImageRule): string | undefined {
  if (!matches(image, rule.name)) return undefined;
  let { name, tag, digest } = splitImage(image);
  if (rule.newName !== '') name = rule.newName;
  if (rule.newTag !== '' && rule.digest !== '') {
    tag = rule.newTag;
    digest = rule.digest;
  } else if (rule.newTag !== '') {
    tag = rule.newTag;
    digest = '';
  } else if (rule.digest !== '') {
    tag = '';
    digest = rule.digest;
  }
  if (tag !== '') name += `:${tag}`;
  if (digest !== '') name += `@${digest}`;
  return name;
}

/** The legacy filter's fields: every element of any `containers`/`initContainers` list. */
function collectContainers(node: JsonValue, into: JsonObject[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectContainers(item, into);
    return;
  }
  if (!isJsonObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
      for (const container of value) if (isJsonObject(container)) into.push(container);
    } else collectContainers(value, into);
  }
}

function updateContainers(containers: readonly JsonObject[], rule: ImageRule): void {
  for (const container of containers) {
    const image = container['image'];
    if (typeof image !== 'string') continue;
    const next = updated(image, rule);
    if (next !== undefined) container['image'] = next;
  }
}

/**
 * ImageTagTransformer for each rule in turn: containers anywhere, then the configured field
 * specs. The containers of each object are found once for all rules.
 */
export function transformImages(
  resmap: ResMap,
  rules: readonly ImageRule[],
  specs: readonly FieldSpec[],
): void {
  if (rules.length === 0) return;
  for (const r of resmap.resources) {
    const containers: JsonObject[] = [];
    collectContainers(r.object, containers);
    for (const rule of rules) {
      updateContainers(containers, rule);
      for (const spec of specs)
        walkFieldSpec(r.object, spec, 'none', (slot) => {
          const image = slot.get();
          if (typeof image !== 'string') return;
          const next = updated(image, rule);
          if (next !== undefined) slot.set(next);
        });
    }
  }
}
