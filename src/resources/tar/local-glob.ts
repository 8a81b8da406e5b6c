/** filepath.Glob for local paths: `*`, `?`, `[...]` and `\` escapes in any component. */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const META = /[*?[\\]/;

function componentRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '\\' && i + 1 < pattern.length) source += escape(pattern[++i] ?? '');
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) throw new Error('syntax error in pattern');
      let body = pattern.slice(i + 1, end);
      if (body.startsWith('^')) body = `^${body.slice(1)}`;
      source += `[${body.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else source += escape(c);
  }
  return new RegExp(`^${source}$`);
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The paths matching the pattern, sorted per directory as Go's Glob returns them. */
export function globLocal(pattern: string): string[] {
  if (!META.test(pattern)) return exists(pattern) ? [pattern] : [];
  const slash = pattern.lastIndexOf('/');
  const dirPattern = slash < 0 ? '' : pattern.slice(0, slash) || '/';
  const base = pattern.slice(slash + 1);
  const dirs =
    dirPattern === '' ? ['.'] : META.test(dirPattern) ? globLocal(dirPattern) : [dirPattern];
  const regex = componentRegex(base);
  const matches: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const name of names)
      if (regex.test(name)) matches.push(dirPattern === '' ? name : join(dir, name));
  }
  return matches;
}
