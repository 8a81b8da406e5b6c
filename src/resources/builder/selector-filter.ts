/**
 * labels.Parse and Selector.Matches for the objects of -f: kubectl's apply only applies (and
 * prunes among) the objects whose labels match -l.
 */
import { invalidSelector } from './arg-errors.js';
import type { LabelRequirement } from '../label-requirements.js';
import { parseSelector } from '../label-requirements.js';

type Labels = Record<string, string>;

/** A predicate over an object's labels; the empty selector matches everything. */
export function labelMatcher(selector: string): (labels: Labels) => boolean {
  let requirements: LabelRequirement[];
  try {
    requirements = parseSelector(selector);
  } catch (error) {
    throw invalidSelector(selector, (error as Error).message);
  }
  return (labels) => requirements.every((requirement) => matches(requirement, labels));
}

function matches(requirement: LabelRequirement, labels: Labels): boolean {
  const { key } = requirement;
  const has = key in labels;
  switch (requirement.operator) {
    case 'exists':
      return has;
    case 'notexists':
      return !has;
    case 'in':
      return has && requirement.values.includes(labels[key] ?? '');
    case 'notin':
      return !has || !requirement.values.includes(labels[key] ?? '');
    case '=':
      return labels[key] === requirement.value;
    case '!=':
      return labels[key] !== requirement.value;
    case '<':
    case '>': {
      const n = Number(labels[key]);
      const bound = Number(requirement.value);
      if (!has || Number.isNaN(n)) return false;
      return requirement.operator === '<' ? n < bound : n > bound;
    }
  }
}
