import type { JsonValue } from '../patch/json-value.js';
import { isJsonObject } from '../patch/json-value.js';
import type { FieldSpec } from './field-spec.js';
import { walkFieldSpec } from './field-walk.js';
import { KustomizeError } from './errors.js';
import { gvkSelected, gvkString, resIdString } from './gvk.js';
import type { ResMap } from './resmap.js';
import type { Resource } from './resource.js';

/** A `vars` entry: $(NAME) stands for a field of one object. */
export interface Var {
  name: string;
  objref: { group: string; version: string; kind: string; name: string; namespace: string };
  fieldpath: string;
}

export function parseVars(value: JsonValue | undefined, file: string): Var[] {
  if (!Array.isArray(value)) return [];
  return value.map((v) => {
    if (!isJsonObject(v) || typeof v['name'] !== 'string')
      throw new KustomizeError(`${file}: a var needs a name`);
    const ref = isJsonObject(v['objref']) ? v['objref'] : {};
    const str = (x: JsonValue | undefined): string => (typeof x === 'string' ? x : '');
    const apiVersion = str(ref['apiVersion']);
    const slash = apiVersion.indexOf('/');
    const fieldref = isJsonObject(v['fieldref']) ? v['fieldref'] : {};
    return {
      name: v['name'],
      objref: {
        group: slash >= 0 ? apiVersion.slice(0, slash) : '',
        version: slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion,
        kind: str(ref['kind']),
        name: str(ref['name']),
        namespace: str(ref['namespace']),
      },
      fieldpath: str(fieldref['fieldpath']) || str(fieldref['fieldPath']) || 'metadata.name',
    };
  });
}

/** Reads a dotted field path (`spec.template.spec.containers[0].image`, `metadata.labels.app`). */
function readPath(object: JsonValue, path: string): JsonValue | undefined {
  let node: JsonValue | undefined = object;
  for (const part of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    if (node === undefined || node === null) return undefined;
    if (part.startsWith('[')) {
      if (!Array.isArray(node)) return undefined;
      node = node[Number(part.slice(1, -1))];
    } else if (isJsonObject(node)) node = node[part];
    else return undefined;
  }
  return node;
}

/** A var as Go's %v prints kustomize's Var: `{NAME Kind.version.group {fieldpath}}`. */
function varText(v: Var): string {
  const { group, version, kind } = v.objref;
  return `{${v.name} ${gvkString({ group, version, kind })} {${v.fieldpath || 'metadata.name'}}}`;
}

function findTarget(resmap: ResMap, v: Var): Resource {
  const matches = resmap.resources.filter((r) =>
    r.allIds().some(
      (id) =>
        id.name === v.objref.name &&
        gvkSelected(id.gvk, {
          ...(v.objref.group ? { group: v.objref.group } : {}),
          ...(v.objref.version ? { version: v.objref.version } : {}),
          ...(v.objref.kind ? { kind: v.objref.kind } : {}),
        }) &&
        (v.objref.namespace === '' || id.namespace === v.objref.namespace),
    ),
  );
  if (matches.length > 1)
    throw new KustomizeError(
      `found ${matches.length} resId matches for var ${varText(v)} (unable to disambiguate)`,
    );
  if (matches.length === 0)
    throw new KustomizeError(
      `var '${varText(v)}' cannot be mapped to a field in the set of known resources`,
    );
  return matches[0] as Resource;
}

const VAR_PATTERN = /\$\(([^)]*)\)|\$\$/g;

/** refvar.Filter: $(VAR) in the varReference fields replaced by the var's value. */
export function resolveVars(
  resmap: ResMap,
  vars: readonly Var[],
  specs: readonly FieldSpec[],
): void {
  if (vars.length === 0) return;
  const values = new Map<string, JsonValue>();
  for (const v of vars) {
    const target = findTarget(resmap, v);
    const value = readPath(target.object, v.fieldpath);
    if (value === undefined)
      throw new KustomizeError(
        `field specified in var '${v.name}' (${v.fieldpath}) not found in ${resIdString(target.curId())}`,
      );
    values.set(v.name, value);
  }
  const used = new Set<string>();
  const expand = (text: string): JsonValue => {
    const whole = /^\$\(([^)]*)\)$/.exec(text);
    if (whole && values.has(whole[1] as string)) {
      used.add(whole[1] as string);
      return values.get(whole[1] as string) as JsonValue;
    }
    return text.replace(VAR_PATTERN, (match, name: string | undefined) => {
      if (match === '$$') return '$';
      if (name !== undefined && values.has(name)) {
        used.add(name);
        const value = values.get(name);
        return typeof value === 'string' ? value : JSON.stringify(value);
      }
      return match;
    });
  };
  for (const r of resmap.resources)
    for (const spec of specs)
      walkFieldSpec(r.object, spec, 'none', (slot) => {
        const value = slot.get();
        if (typeof value === 'string') slot.set(expand(value));
        else if (Array.isArray(value))
          value.forEach((item, i) => {
            if (typeof item === 'string') value[i] = expand(item);
          });
        else if (isJsonObject(value))
          for (const [k, item] of Object.entries(value))
            if (typeof item === 'string') value[k] = expand(item);
      });
}
