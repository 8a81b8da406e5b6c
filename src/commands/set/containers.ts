/** kubectl's set helpers selectContainers/selectString: container names matched by `-c`. */
import type { Container } from './pod-spec.js';

/** Whether a name matches a `-c` pattern: `*` alone is all, else `*` matches any run. */
export function selectString(name: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return name === spec;
  const parts = spec.split('*');
  let rest = name;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i === 0) {
      if (!rest.startsWith(part)) return false;
      rest = rest.slice(part.length);
    } else if (i === parts.length - 1) {
      return rest.endsWith(part);
    } else {
      const at = rest.indexOf(part);
      if (at < 0) return false;
      rest = rest.slice(at + part.length);
    }
  }
  return rest === '';
}

/** The containers whose names match the pattern. */
export function selectContainers(containers: readonly Container[], spec: string): Container[] {
  return containers.filter((c) => selectString(c.name ?? '', spec));
}
