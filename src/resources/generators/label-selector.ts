/** metav1.ParseToLabelSelector: a selector string into matchLabels and matchExpressions. */
import { parseLabelRequirement, splitSelector } from '../label-requirements.js';

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
  const parts = splitSelector(selector);
  // a trailing empty requirement is an error, but the empty selector is not
  if (parts.length === 1 && (parts[0] ?? '').trim() === '') parts.pop();
  for (const part of parts) {
    const requirement = parseRequirement(part.trim(), selector);
    if ('equals' in requirement) matchLabels[requirement.key] = requirement.equals;
    else matchExpressions.push(requirement);
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

function parseRequirement(text: string, selector: string): Parsed {
  const requirement = parseLabelRequirement(text);
  if (!requirement)
    throw new Error(
      `couldn't parse the selector string "${selector}": unable to parse requirement: ${text}`,
    );
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
