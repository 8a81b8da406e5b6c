import type { PartialGVR } from './mapper-model.js';
import type { APIResourceList } from './types.js';
import { parseGroupVersion } from './types.js';

/** A short name and the resource it stands for (client-go resourceShortcuts). */
interface Shortcut {
  group: string;
  short: string;
  resource: string;
}

function shortcutsOf(lists: readonly APIResourceList[]): Shortcut[] {
  const found: Shortcut[] = [];
  for (const list of lists) {
    const { group } = parseGroupVersion(list.groupVersion);
    for (const resource of list.resources ?? []) {
      for (const short of resource.shortNames ?? [])
        found.push({ group, short, resource: resource.name });
    }
  }
  return found;
}

function isExactName(lists: readonly APIResourceList[], input: PartialGVR): boolean {
  for (const list of lists) {
    const { group } = parseGroupVersion(list.groupVersion);
    if (input.group && input.group !== group) continue;
    for (const resource of list.resources ?? []) {
      if (input.resource === resource.name || input.resource === resource.singularName) return true;
    }
  }
  return false;
}

/**
 * client-go's shortcutExpander: an exact plural or singular name is left alone; otherwise a
 * discovery short name (first in discovery order wins, with a warning about the others);
 * otherwise a short name in a group the given group is a prefix of. Case-sensitive, as there.
 */
export function expandShortcut(
  lists: readonly APIResourceList[],
  input: PartialGVR,
  warn: (message: string) => void,
): PartialGVR {
  if (isExactName(lists, input)) return input;
  const shortcuts = shortcutsOf(lists);
  let found: PartialGVR | undefined;
  const warned = new Set<string>();
  for (const item of shortcuts) {
    if (input.group && input.group !== item.group) continue;
    if (input.resource !== item.short) continue;
    if (!found) {
      found = { group: item.group, version: '', resource: item.resource };
      continue;
    }
    if (item.group === found.group && item.resource === found.resource) continue;
    const longForm = item.group ? `${item.resource}.${item.group}` : item.resource;
    if (!warned.has(longForm)) {
      warn(`short name "${input.resource}" could also match lower priority resource ${longForm}`);
      warned.add(longForm);
    }
  }
  if (found) return found;
  if (!input.group) return input;
  const prefixed = shortcuts.find(
    (s) => s.group.startsWith(input.group) && s.short === input.resource,
  );
  return prefixed ? { ...input, group: prefixed.group, resource: prefixed.resource } : input;
}

/** The resources of a category (e.g. "all") from discovery, in discovery order; undefined if none. */
export function expandCategory(
  lists: readonly APIResourceList[],
  category: string,
): Array<{ group: string; resource: string }> | undefined {
  const found: Array<{ group: string; resource: string }> = [];
  for (const list of lists) {
    const { group } = parseGroupVersion(list.groupVersion);
    for (const resource of list.resources ?? []) {
      if (resource.categories?.includes(category)) found.push({ group, resource: resource.name });
    }
  }
  return found.length > 0 ? found : undefined;
}
