/**
 * The `key=value` / `key-` arguments of label and annotate (kubectl's GetResourcesAndPairs,
 * parseLabels and ParsePairs), with kubectl's error messages.
 */
import { PlainError } from '../../errors/errors.js';

/** What the user asked to set and remove. */
export interface KeyUpdates {
  set: Map<string, string>;
  remove: string[];
}

export { splitResourcesAndPairs } from '../../resources/resource-pairs.js';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_VALUE_MESSAGE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** apimachinery's IsValidLabelValue: the problems with a label value, none when valid. */
export function labelValueErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(value)) errors.push(LABEL_VALUE_MESSAGE);
  return errors;
}

/** kubectl label's parseLabels. */
export function parseLabelUpdates(specs: readonly string[]): KeyUpdates {
  const updates: KeyUpdates = { set: new Map(), remove: [] };
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) throw new PlainError(`invalid label spec: ${spec}`);
      const [key = '', value = ''] = parts;
      const problems = labelValueErrors(value);
      if (problems.length > 0)
        throw new PlainError(`invalid label value: ${JSON.stringify(spec)}: ${problems.join(';')}`);
      updates.set.set(key, value);
    } else if (spec.endsWith('-')) updates.remove.push(spec.slice(0, -1));
    else throw new PlainError(`unknown label spec: ${spec}`);
  }
  if (updates.remove.some((key) => updates.set.has(key)))
    throw new PlainError('can not both modify and remove a label in the same command');
  return updates;
}

/** kubectl annotate's ParsePairs plus its modify-and-remove check. */
export function parseAnnotationUpdates(specs: readonly string[]): KeyUpdates {
  const updates: KeyUpdates = { set: new Map(), remove: [] };
  const invalid: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=') && !spec.startsWith('=')) {
      const at = spec.indexOf('=');
      updates.set.set(spec.slice(0, at), spec.slice(at + 1));
    } else if (spec.endsWith('-') && spec !== '-') updates.remove.push(spec.slice(0, -1));
    else invalid.push(spec);
  }
  if (invalid.length > 0) throw new PlainError(`invalid annotation format: ${invalid.join(', ')}`);
  const both = updates.remove.filter((key) => updates.set.has(key));
  if (both.length > 0)
    throw new PlainError(
      `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`,
    );
  return updates;
}
