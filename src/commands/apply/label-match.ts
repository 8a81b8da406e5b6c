/**
 * labels.Parse and Selector.Matches for the objects of -f: kubectl's apply only applies (and
 * prunes among) the objects whose labels match -l.
 */
import { PlainError } from '../../errors/errors.js';

type Requirement = (labels: Record<string, string>) => boolean;

/** A predicate over an object's labels; the empty selector matches everything. */
export function labelMatcher(selector: string): (labels: Record<string, string>) => boolean {
  const requirements = splitTopLevel(selector)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => parseRequirement(part, selector));
  return (labels) => requirements.every((matches) => matches(labels));
}

function splitTopLevel(selector: string): string[] {
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

const KEY = '([A-Za-z0-9][-A-Za-z0-9_./]*)';

function parseRequirement(text: string, selector: string): Requirement {
  let match = new RegExp(`^!\\s*${KEY}$`).exec(text);
  if (match?.[1]) {
    const key = match[1];
    return (labels) => !(key in labels);
  }
  match = new RegExp(`^${KEY}\\s+(in|notin)\\s*\\(([^)]*)\\)$`).exec(text);
  if (match?.[1] && match[2]) {
    const key = match[1];
    const values = new Set((match[3] ?? '').split(',').map((v) => v.trim()));
    if (match[2] === 'in') return (labels) => key in labels && values.has(labels[key] ?? '');
    return (labels) => !(key in labels) || !values.has(labels[key] ?? '');
  }
  match = new RegExp(`^${KEY}\\s*(==|=|!=|<|>)\\s*([-A-Za-z0-9_.]*)$`).exec(text);
  if (match?.[1] && match[2]) {
    const key = match[1];
    const value = match[3] ?? '';
    if (match[2] === '!=') return (labels) => labels[key] !== value;
    if (match[2] === '<' || match[2] === '>') {
      const bound = Number(value);
      const less = match[2] === '<';
      return (labels) => {
        const n = Number(labels[key]);
        return key in labels && !Number.isNaN(n) && (less ? n < bound : n > bound);
      };
    }
    return (labels) => labels[key] === value;
  }
  match = new RegExp(`^${KEY}$`).exec(text);
  if (match?.[1]) {
    const key = match[1];
    return (labels) => key in labels;
  }
  // kubectl names the lexer's token here; ktl names the requirement it could not read.
  throw new PlainError(
    `the provided selector "${selector}" is not valid: unable to parse requirement: ${text}`,
  );
}
