/**
 * Taint specs as `kubectl taint` reads them (`k=v:Effect`, `k:Effect`, `k:Effect-`, `k-`) and the
 * merge of a node's taints with them, after kubectl's pkg/cmd/taint. Pure: no requests.
 */
import { labelValueErrors, qualifiedNameErrors } from '../generators/validation.js';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

/** A removal: all effects of `key` when `effect` is empty. */
export interface TaintRemoval {
  key: string;
  effect: string;
}

/** A spec kubectl refuses before any request, with whether it adds the help hint. */
export class TaintSpecError extends Error {
  constructor(
    message: string,
    readonly withHelpHint: boolean,
  ) {
    super(message);
  }
}

const EFFECTS = new Set(['NoSchedule', 'PreferNoSchedule', 'NoExecute']);

function invalid(spec: string, problems: string[] = []): TaintSpecError {
  const detail = problems.length > 0 ? `, ${problems.join('; ')}` : '';
  return new TaintSpecError(`invalid taint spec: ${spec}${detail}`, true);
}

/** One `<key>[=<value>][:<effect>]` (kubectl's parseTaint). */
function parseTaint(spec: string): Taint {
  const parts = spec.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) {
    key = spec;
  } else if (parts.length === 2) {
    effect = parts[1] ?? '';
    if (!EFFECTS.has(effect)) {
      throw new TaintSpecError(`invalid taint effect: ${effect}, unsupported taint effect`, true);
    }
    const keyValue = (parts[0] ?? '').split('=');
    if (keyValue.length > 2) throw invalid(spec);
    key = keyValue[0] ?? '';
    if (keyValue.length === 2) {
      value = keyValue[1] ?? '';
      const problems = labelValueErrors(value);
      if (problems.length > 0) throw invalid(spec, problems);
    }
  } else {
    throw invalid(spec);
  }
  const problems = qualifiedNameErrors(key);
  if (problems.length > 0) throw invalid(spec, problems);
  return { key, value, effect };
}

/** Go's %v of a corev1.Taint: `{key value effect <nil>}`. */
function goTaint(taint: Taint): string {
  return `{${taint.key} ${taint.value ?? ''} ${taint.effect} <nil>}`;
}

export interface TaintChanges {
  add: Taint[];
  remove: TaintRemoval[];
}

/** kubectl's parseTaints plus its check that nothing is both added and removed. */
export function parseTaintSpecs(specs: readonly string[]): TaintChanges {
  const add: Taint[] = [];
  const remove: TaintRemoval[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const taint = parseTaint(spec.slice(0, -1));
      remove.push({ key: taint.key, effect: taint.effect });
      continue;
    }
    const taint = parseTaint(spec);
    if (taint.effect === '') throw invalid(spec);
    const id = `${taint.effect}\u0000${taint.key}`;
    if (seen.has(id)) {
      throw new TaintSpecError(
        `duplicated taints with the same key and effect: ${goTaint(taint)}`,
        true,
      );
    }
    seen.add(id);
    add.push(taint);
  }
  return { add, remove };
}

/**
 * kubectl's check (made after the resource type is known) that no taint is both added and
 * removed: a removal without effect conflicts with every addition of its key.
 */
export function conflictingTaints(changes: TaintChanges): string | undefined {
  const conflicts: string[] = [];
  for (const added of changes.add) {
    for (const removal of changes.remove) {
      if (added.key !== removal.key) continue;
      if (removal.effect === '' || removal.effect === added.effect) {
        conflicts.push(`${removal.key}=${removal.effect}`);
      }
    }
  }
  if (conflicts.length === 0) return undefined;
  return `can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`;
}

function matches(a: TaintRemoval, b: TaintRemoval): boolean {
  return a.key === b.key && a.effect === b.effect;
}

/** Keys of the taints to add that the node already has with the same effect ("" when none). */
export function alreadyPresentKeys(current: readonly Taint[], add: readonly Taint[]): string {
  const keys: string[] = [];
  for (const taint of add) {
    for (const old of current) if (matches(taint, old)) keys.push(taint.key);
  }
  return keys.join(',');
}

export interface TaintResult {
  operation: 'modified' | 'tainted' | 'untainted';
  taints: Taint[];
  /** `taint "k:Effect" not found` for each removal that matched nothing. */
  notFound: string[];
}

/** kubectl's reorganizeTaints: new taints first, then the old ones not replaced, minus removals. */
export function reorganizeTaints(
  current: readonly Taint[],
  overwrite: boolean,
  changes: TaintChanges,
): TaintResult {
  let taints: Taint[] = [...changes.add];
  for (const old of current) if (!taints.some((t) => matches(t, old))) taints.push(old);
  const added = current.length !== taints.length;
  const notFound: string[] = [];
  let removed = false;
  for (const removal of changes.remove) {
    const kept = taints.filter((t) =>
      removal.effect === '' ? t.key !== removal.key : !matches(removal, t),
    );
    removed = kept.length !== taints.length;
    if (!removed) {
      const shown = removal.effect === '' ? removal.key : `${removal.key}:${removal.effect}`;
      notFound.push(`taint "${shown}" not found`);
    }
    taints = kept;
  }
  const operation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, notFound };
}
