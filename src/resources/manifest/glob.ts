import { readdir } from 'node:fs/promises';
import { isAbsolute, join, sep } from 'node:path';

/** Whether a path holds glob metacharacters (Go's filepath.Match syntax). */
export function hasGlobMeta(path: string): boolean {
  return /[*?[\\]/.test(path);
}

/** Expands a glob (`*`, `?`, `[...]` within path segments) into sorted existing paths. */
export async function expandGlob(pattern: string): Promise<string[]> {
  const segments = pattern.split(sep).filter((s, i) => s !== '' || i === 0);
  let bases = [isAbsolute(pattern) ? sep : '.'];
  const start = isAbsolute(pattern) ? 1 : 0;
  for (let i = start; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    const next: string[] = [];
    for (const base of bases) {
      if (!hasGlobMeta(segment)) {
        next.push(base === '.' && !pattern.startsWith('.') ? segment : join(base, segment));
        continue;
      }
      const matcher = globSegmentRegex(segment);
      let names: string[] = [];
      try {
        names = await readdir(base);
      } catch {
        continue;
      }
      for (const name of names.sort())
        if (matcher.test(name)) next.push(base === '.' ? name : join(base, name));
    }
    bases = next;
  }
  return bases;
}

/** A regex for one glob segment. */
export function globSegmentRegex(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] ?? '';
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '\\' && i + 1 < segment.length) source += escape(segment[++i] ?? '');
    else if (c === '[') {
      const end = segment.indexOf(']', i + 1);
      if (end < 0) source += '\\[';
      else {
        const body = segment.slice(i + 1, end).replace(/^\^/, '!');
        source += body.startsWith('!') ? `[^${body.slice(1)}]` : `[${body}]`;
        i = end;
      }
    } else source += escape(c);
  }
  return new RegExp(`^${source}$`);
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
