/** metav1.ParseToLabelSelector: a selector string into matchLabels and matchExpressions. */

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
  for (const part of splitRequirements(selector)) {
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

function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of selector) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  if (current.trim() !== '' || parts.length > 0) parts.push(current);
  return parts;
}

type Parsed = SelectorRequirement | { key: string; equals: string };

function parseRequirement(text: string, selector: string): Parsed {
  const fail = (why: string): Error =>
    new Error(`couldn't parse the selector string "${selector}": ${why}`);
  let match = /^!\s*([^\s=!<>(),]+)$/.exec(text);
  if (match?.[1]) return { key: match[1], operator: 'DoesNotExist' };
  match = /^([^\s=!<>(),]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(text);
  if (match?.[1] && match[2]) {
    const values = (match[3] ?? '')
      .split(',')
      .map((v) => v.trim())
      .sort();
    return { key: match[1], operator: match[2] === 'in' ? 'In' : 'NotIn', values };
  }
  match = /^([^\s=!<>(),]+)\s*(==|=|!=|<|>)\s*([^\s=!<>(),]*)$/.exec(text);
  if (match?.[1] && match[2]) {
    if (match[2] === '!=') throw new Error(`"!=" is not a valid label selector operator`);
    if (match[2] === '<' || match[2] === '>')
      throw new Error(`"${match[2] === '<' ? 'lt' : 'gt'}" isn't supported in label selectors`);
    return { key: match[1], equals: match[3] ?? '' };
  }
  match = /^([^\s=!<>(),]+)$/.exec(text);
  if (match?.[1]) return { key: match[1], operator: 'Exists' };
  throw fail(`unable to parse requirement: ${text}`);
}
