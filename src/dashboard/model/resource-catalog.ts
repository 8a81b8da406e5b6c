import type { ResourceRef } from '../../resources/resource-ref.js';
import type { CatalogEntry } from './builtin-types.js';
import { BUILTIN_TYPES } from './builtin-types.js';

/**
 * The resource types the dashboard can show, by every name the user may type: plural,
 * singular, short names, kind, and `plural.group`. Starts with the common built-in types and
 * takes the server's list (CRDs included) when discovery answers.
 */
export class ResourceCatalog {
  private entries: CatalogEntry[] = [];
  private readonly byName = new Map<string, CatalogEntry>();

  constructor(entries: CatalogEntry[] = BUILTIN_TYPES) {
    this.replace(entries);
  }

  /** Replaces the list (discovery's answer), keeping the first entry for a contested name. */
  replace(entries: CatalogEntry[]): void {
    this.entries = entries;
    this.byName.clear();
    for (const entry of entries) {
      for (const name of namesOf(entry)) if (!this.byName.has(name)) this.byName.set(name, entry);
    }
  }

  /** The type a typed name stands for, or undefined. */
  resolve(name: string): CatalogEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** The entry of a known ref (same group and resource). */
  entryOf(ref: ResourceRef): CatalogEntry | undefined {
    return this.entries.find((e) => e.ref.group === ref.group && e.ref.resource === ref.resource);
  }

  /** Names that start with `prefix`: plural names first, then short and qualified names. */
  complete(prefix: string): string[] {
    const lower = prefix.toLowerCase();
    const plural = this.entries.map((e) => e.ref.resource).filter((n) => n.startsWith(lower));
    const others = [...this.byName.keys()].filter(
      (n) => n.startsWith(lower) && !plural.includes(n),
    );
    return [...new Set(plural)].sort().concat(others.sort());
  }

  /** How many types are known. */
  get size(): number {
    return this.entries.length;
  }
}

function namesOf(entry: CatalogEntry): string[] {
  const { resource, group, kind } = entry.ref;
  const names = [resource, entry.singular, kind.toLowerCase(), ...entry.shortNames];
  if (group !== '') names.push(`${resource}.${group}`, `${entry.singular}.${group}`);
  return names.map((n) => n.toLowerCase()).filter((n) => n !== '');
}
