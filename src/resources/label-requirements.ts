/**
 * The grammar of a label selector string (k8s.io/apimachinery labels.Parse), shared by the
 * commands that match objects (`apply -l`) and those that build a LabelSelector from it
 * (`create pdb --selector`).
 */

/** One requirement of a selector string. */
export type LabelRequirement =
  | { key: string; operator: 'exists' | 'notexists' }
  | { key: string; operator: 'in' | 'notin'; values: string[] }
  | { key: string; operator: '=' | '!=' | '<' | '>'; value: string };

/** The requirements' texts: the selector split at commas outside parentheses. */
export function splitSelector(selector: string): string[] {
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
  parts.push(current);
  return parts;
}

const KEY = '([^\\s=!<>(),]+)';

/** One requirement (`!a`, `a in (x,y)`, `a notin (x)`, `a=b`, `a==b`, `a!=b`, `a<3`, `a`), or undefined. */
export function parseLabelRequirement(text: string): LabelRequirement | undefined {
  let match = new RegExp(`^!\\s*${KEY}$`).exec(text);
  if (match?.[1]) return { key: match[1], operator: 'notexists' };
  match = new RegExp(`^${KEY}\\s+(in|notin)\\s*\\(([^)]*)\\)$`).exec(text);
  if (match?.[1] && (match[2] === 'in' || match[2] === 'notin')) {
    const values = (match[3] ?? '').split(',').map((v) => v.trim());
    return { key: match[1], operator: match[2], values };
  }
  match = new RegExp(`^${KEY}\\s*(==|=|!=|<|>)\\s*([^\\s=!<>(),]*)$`).exec(text);
  if (match?.[1] && match[2]) {
    const operator = match[2] === '==' ? '=' : (match[2] as '=' | '!=' | '<' | '>');
    return { key: match[1], operator, value: match[3] ?? '' };
  }
  match = new RegExp(`^${KEY}$`).exec(text);
  if (match?.[1]) return { key: match[1], operator: 'exists' };
  return undefined;
}
