import type { JsonObject, JsonValue } from '../patch/json-value.js';
import { isJsonObject } from '../patch/json-value.js';
import { KustomizeError } from './errors.js';
import { apiVersionOf, resIdString } from './gvk.js';
import { applyJsonPatch, decodeJsonPatch } from './json-patch.js';
import type { JsonPatchOp } from './json-patch.js';
import { schemaFor } from './merge-schema.js';
import type { ResMap } from './resmap.js';
import { Resource } from './resource.js';
import type { Selector } from './selector.js';
import { selectResources } from './selector.js';
import { mergePatch } from './smp.js';
import { parseYaml11Documents, parseYamlDocuments } from './yaml-docs.js';

/** A loaded patch: strategic merge (one or more objects) or JSON 6902 operations. */
export type LoadedPatch =
  | { type: 'smp'; objects: JsonObject[]; text: string }
  | { type: 'json'; ops: JsonPatchOp[]; text: string };

/** Decides what a patch text is, as PatchTransformer does (it must be exactly one of them). */
export function loadPatch(text: string, file: string): LoadedPatch {
  const trimmed = text.trim();
  let docs: JsonValue[] | undefined;
  let smpError: unknown;
  try {
    docs = parseYamlDocuments(trimmed, file);
  } catch (error) {
    smpError = error;
  }
  const objects = docs?.filter(isJsonObject) ?? [];
  const isSmp = docs !== undefined && docs.length > 0 && objects.length === docs.length;
  const first = docs?.[0];
  const isJson = docs !== undefined && docs.length === 1 && Array.isArray(first);
  if (isSmp) {
    if (objects.some((o) => typeof o['kind'] !== 'string'))
      throw new KustomizeError(`${file}: unable to parse SM or JSON patch from [${trimmed}]`);
    return { type: 'smp', objects, text: trimmed };
  }
  if (isJson) {
    // kustomize converts a JSON patch written in YAML with go-yaml v2 (YAML 1.1 scalars)
    const ops = trimmed.startsWith('[') ? first : parseYaml11Documents(trimmed, file)[0];
    return { type: 'json', ops: decodeJsonPatch(ops as JsonValue), text: trimmed };
  }
  if (smpError instanceof KustomizeError) throw smpError;
  throw new KustomizeError(`${file}: unable to parse SM or JSON patch from [${trimmed}]`);
}

/** Resource.ApplySmPatch: merges, keeping the target's name, namespace and kind. */
export function applySmPatch(target: Resource, patch: JsonObject, options: PatchOptions): boolean {
  const name = target.name;
  const namespace = target.namespace;
  const kind = target.kind;
  if (options.allowNameChange || options.allowKindChange) target.storePreviousId();
  const schema = schemaFor(
    String(target.object['apiVersion'] ?? ''),
    String(patch['kind'] ?? kind),
  );
  const merged = mergePatch(target.object, patch, schema);
  if (merged === undefined || !isJsonObject(merged) || Object.keys(merged).length === 0)
    return false;
  target.object = merged;
  if (!options.allowKindChange) target.object['kind'] = kind;
  if (!options.allowNameChange) target.setName(name);
  target.setNamespace(namespace);
  return true;
}

export interface PatchOptions {
  allowNameChange?: boolean;
  allowKindChange?: boolean;
}

/** Applies a patch to the selected resources (a `$patch: delete` removes them). */
function patchSelected(
  resmap: ResMap,
  selected: Resource[],
  patch: JsonObject,
  options: PatchOptions,
): void {
  for (const target of selected) {
    const copy = structuredClone(patch);
    copy['apiVersion'] = apiVersionOf(target.gvk);
    const keep = applySmPatch(target, copy, options);
    if (!keep) resmap.remove(target);
  }
}

/** One `patches` entry (PatchTransformer). */
export function applyPatchEntry(
  resmap: ResMap,
  patch: LoadedPatch,
  target: Selector | undefined,
  options: PatchOptions,
): void {
  if (patch.type === 'json') {
    if (!target) throw new KustomizeError(`must specify a target for patch ${patch.text}`);
    for (const r of selectResources(resmap.resources, target)) {
      r.storePreviousId();
      const result = applyJsonPatch(r.object, patch.ops);
      if (!isJsonObject(result)) throw new KustomizeError('json patch result is not an object');
      r.object = result;
    }
    return;
  }
  if (target) {
    if (patch.objects.length > 1)
      throw new KustomizeError(
        `Multiple Strategic-Merge Patches in one \`patches\` entry is not allowed to set \`patches.target\` field: [${patch.text}]`,
      );
    patchSelected(
      resmap,
      selectResources(resmap.resources, target),
      patch.objects[0] as JsonObject,
      options,
    );
    return;
  }
  for (const object of patch.objects) patchById(resmap, object, options);
}

/** A patch without target goes to the one resource whose id (any past one) equals its own. */
export function patchById(resmap: ResMap, object: JsonObject, options: PatchOptions): void {
  const id = new Resource(object, '').curId();
  const matches = resmap.matchingAnyId(id);
  if (matches.length !== 1) {
    const problem = `${matches.length === 0 ? 'no matches' : 'multiple matches'} for Id ${resIdString(id)}; failed to find unique target for patch ${resIdString(id)}`;
    throw new KustomizeError(
      matches.length === 0
        ? `no resource matches strategic merge patch "${resIdString(id)}": ${problem}`
        : problem,
    );
  }
  patchSelected(resmap, matches, object, options);
}
