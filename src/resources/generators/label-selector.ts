/** metav1.ParseToLabelSelector: a selector string into matchLabels and matchExpressions. */
import type { LabelRequirement } from '../label-requirements.js';
import { parseSelector } from '../label-requirements.js';

/** One matchExpressions entry. */
export interface SelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

/** A metav1.LabelSelector as the API writes it. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: SelectorRequirement[];
}

/** Parses `a=b,tier in (x,y),!legacy` as kubectl does for `create pdb --selector`. */
export function parseToLabelSelector(selector: string): LabelSelector {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: SelectorRequirement[] = [];
  let requirements: LabelRequirement[];
  try {
    requirements = parseSelector(selector);
  } catch (error) {
    throw new Error(
      `couldn't parse the selector string "${selector}": ${(error as Error).message}`,
    );
  }
  for (const requirement of requirements) {
    const parsed = toSelectorRequirement(requirement);
    if ('equals' in parsed) matchLabels[parsed.key] = parsed.equals;
    else matchExpressions.push(parsed);
  }
  const result: LabelSelector = {};
  const labelKeys = Object.keys(matchLabels).sort();
  if (labelKeys.length > 0)
    result.matchLabels = Object.fromEntries(labelKeys.map((k) => [k, matchLabels[k] ?? '']));
  if (matchExpressions.length > 0)
    result.matchExpressions = matchExpressions.sort((a, b) =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    );
  return result;
}

type Parsed = SelectorRequirement | { key: string; equals: string };

function toSelectorRequirement(requirement: LabelRequirement): Parsed {
  switch (requirement.operator) {
    case 'exists':
      return { key: requirement.key, operator: 'Exists' };
    case 'notexists':
      return { key: requirement.key, operator: 'DoesNotExist' };
    case 'in':
    case 'notin':
      return {
        key: requirement.key,
        operator: requirement.operator === 'in' ? 'In' : 'NotIn',
        values: [...requirement.values].sort(),
      };
    case '=':
      return { key: requirement.key, equals: requirement.value };
    case '!=':
      throw new Error(`"!=" is not a valid label selector operator`);
    case '<':
    case '>':
      throw new Error(
        `"${requirement.operator === '<' ? 'lt' : 'gt'}" isn't supported in label selectors`,
      );
  }
}
