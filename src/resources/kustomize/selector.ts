import type { JsonValue } from '../patch/json-value.js';
import { isJsonObject } from '../patch/json-value.js';
import type { LabelRequirement } from '../label-requirements.js';
import { parseSelector } from '../label-requirements.js';
import { KustomizeError } from './errors.js';
import { effectiveNamespace, gvkSelected } from './gvk.js';
import type { Resource } from './resource.js';

/** A patch or replacement target (types.Selector). */
export interface Selector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

export function parseSelectorField(value: JsonValue | undefined): Selector | undefined {
  if (!isJsonObject(value)) return undefined;
  const selector: Selector = {};
  for (const key of [
    'group',
    'version',
    'kind',
    'name',
    'namespace',
    'labelSelector',
    'annotationSelector',
  ] as const) {
    const item = value[key];
    if (typeof item === 'string' && item !== '') selector[key] = item;
  }
  return selector;
}

function anchored(pattern: string | undefined): RegExp | undefined {
  if (!pattern) return undefined;
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch (error) {
    throw new KustomizeError(`invalid regex ${pattern}: ${(error as Error).message}`);
  }
}

function matchesRequirements(text: string | undefined, labels: Record<string, string>): boolean {
  if (!text) return true;
  let requirements: LabelRequirement[];
  try {
    requirements = parseSelector(text);
  } catch (error) {
    throw new KustomizeError(`unable to parse requirement: ${(error as Error).message}`);
  }
  return requirements.every((r) => {
    const has = r.key in labels;
    const value = labels[r.key];
    switch (r.operator) {
      case 'exists':
        return has;
      case 'notexists':
        return !has;
      case 'in':
        return has && r.values.includes(value ?? '');
      case 'notin':
        return !has || !r.values.includes(value ?? '');
      case '=':
        return has && value === r.value;
      case '!=':
        return value !== r.value;
      case '<':
        return has && Number(value) < Number(r.value);
      case '>':
        return has && Number(value) > Number(r.value);
    }
    return false;
  });
}

/** resWrangler.Select: the resources a selector picks, by original or current name and namespace. */
export function selectResources(resources: readonly Resource[], selector: Selector): Resource[] {
  const name = anchored(selector.name);
  const namespace = anchored(selector.namespace);
  return resources.filter((r) => {
    const cur = r.curId();
    const org = r.orgId();
    if (
      namespace &&
      !namespace.test(effectiveNamespace(org.gvk, org.namespace)) &&
      !namespace.test(effectiveNamespace(cur.gvk, cur.namespace))
    )
      return false;
    if (name && !name.test(org.name) && !name.test(cur.name)) return false;
    if (!gvkSelected(r.gvk, selector)) return false;
    if (!matchesRequirements(selector.labelSelector, r.labels())) return false;
    return matchesRequirements(selector.annotationSelector, r.annotations());
  });
}
