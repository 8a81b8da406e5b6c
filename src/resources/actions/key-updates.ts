/**
 * Label and annotation updates as kubectl's label.go and annotate.go make them: the
 * `key=value` / `key-` pairs (parseLabels, ParsePairs) with kubectl's messages, the new key map
 * (with the --overwrite check), and the JSON merge patch that sends it. `ktl label`,
 * `ktl annotate` and the dashboard's label/annotate prompts share this code.
 */
import { PlainError } from '../../errors/errors.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { KubeObject } from '../kube-object.js';
import type { ResourceRef } from '../resource-ref.js';
import { objectPath } from '../resource-ref.js';

/** What the user asked to set and remove. */
export interface KeyUpdates {
  set: Map<string, string>;
  remove: string[];
}

/** Which of the two maps is changed. */
export type KeyKind = 'label' | 'annotation';

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

/** The pairs of a kind, parsed with that kind's rules. */
export function parseKeyUpdates(kind: KeyKind, specs: readonly string[]): KeyUpdates {
  return kind === 'label' ? parseLabelUpdates(specs) : parseAnnotationUpdates(specs);
}

/** Several keys that would need --overwrite (kubectl prints one line each). */
export class OverwriteErrors extends PlainError {
  readonly lines: string[];
  constructor(lines: string[]) {
    super(lines.join('\n'));
    this.lines = lines;
  }
}

/** The new key map, or the overwrite errors kubectl reports. */
export function applyUpdates(
  current: Record<string, string> | undefined,
  updates: KeyUpdates,
  kind: KeyKind,
  overwrite: boolean,
): Record<string, string> {
  if (!overwrite) {
    const clashes = [...updates.set]
      .filter(([key, value]) => current?.[key] !== undefined && current[key] !== value)
      .filter(([key]) => kind === 'label' || key !== 'kubernetes.io/change-cause')
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key]) => `'${key}' already has a value (${current?.[key] ?? ''})`);
    if (clashes.length > 0 && kind === 'annotation')
      throw new PlainError(
        `--overwrite is false but found the following declared annotation(s): ${clashes.join('; ')}`,
      );
    if (clashes.length > 0)
      throw new OverwriteErrors(clashes.map((c) => `${c}, and --overwrite is false`));
  }
  const next: Record<string, string> = { ...(current ?? {}) };
  for (const [key, value] of updates.set) next[key] = value;
  for (const key of updates.remove) delete next[key];
  return next;
}

/** The JSON merge patch between the old and new key maps (what jsonpatch.CreateMergePatch gives). */
export function mergePatchFor(
  field: 'labels' | 'annotations',
  before: Record<string, string> | undefined,
  after: Record<string, string>,
  resourceVersion?: string,
): Record<string, unknown> {
  const metadata: Record<string, unknown> = {};
  const changes: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(after))
    if (before?.[key] !== value) changes[key] = value;
  for (const key of Object.keys(before ?? {})) if (!(key in after)) changes[key] = null;
  if (Object.keys(changes).length > 0 || before === undefined) metadata[field] = changes;
  if (resourceVersion) metadata['resourceVersion'] = resourceVersion;
  return Object.keys(metadata).length > 0 ? { metadata } : {};
}

/** The metadata field a kind changes. */
export function keyField(kind: KeyKind): 'labels' | 'annotations' {
  return kind === 'label' ? 'labels' : 'annotations';
}

/** The labels or annotations of an object. */
export function keysOf(object: KubeObject, kind: KeyKind): Record<string, string> | undefined {
  return kind === 'label' ? object.metadata?.labels : object.metadata?.annotations;
}

/** Where one object is. */
export interface KeyTarget {
  ref: ResourceRef;
  name: string;
  namespace: string | undefined;
}

/**
 * Reads an object, applies the updates to its labels or annotations and sends what changed as
 * a merge patch, as `ktl label` / `ktl annotate` do for each object (without their printing).
 */
export async function updateObjectKeys(
  client: HttpClient,
  target: KeyTarget,
  kind: KeyKind,
  updates: KeyUpdates,
  overwrite: boolean,
): Promise<KubeObject> {
  const path = objectPath(target.ref, target.name, target.namespace);
  const object = await client.json<KubeObject>({ path });
  const current = keysOf(object, kind);
  const next = applyUpdates(current, updates, kind, overwrite);
  return client.json<KubeObject>({
    method: 'PATCH',
    path,
    contentType: 'application/merge-patch+json',
    body: JSON.stringify(mergePatchFor(keyField(kind), current, next)),
  });
}
