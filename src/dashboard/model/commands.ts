import type { CatalogEntry } from './builtin-types.js';
import type { ResourceCatalog } from './resource-catalog.js';

/** What a `:` command asks for. */
export type DashCommand =
  | { kind: 'quit' }
  | { kind: 'help' }
  | { kind: 'namespaces' }
  | { kind: 'namespace'; name: string }
  | { kind: 'contexts' }
  | { kind: 'context'; name: string }
  | { kind: 'resource'; entry: CatalogEntry; namespace?: string }
  | { kind: 'unknown'; text: string };

const SPECIAL = ['ns', 'namespace', 'ctx', 'context', 'contexts', 'help', 'quit', 'q'];

/** `all`, `-A` and `*` all mean every namespace (''). */
function namespaceArg(arg: string): string {
  return arg === 'all' || arg === '-A' || arg === '*' ? '' : arg;
}

/** Parses `:pods`, `:deploy kube-system`, `:ns`, `:ns demo`, `:ctx`, `:ctx kind-a`, `:q`. */
export function parseCommand(text: string, catalog: ResourceCatalog): DashCommand {
  const [word = '', arg] = text.trim().split(/\s+/);
  const name = word.toLowerCase();
  if (name === '') return { kind: 'unknown', text };
  if (name === 'q' || name === 'quit' || name === 'q!') return { kind: 'quit' };
  if (name === 'help' || name === '?') return { kind: 'help' };
  if (name === 'ctx' || name === 'context' || name === 'contexts')
    return arg ? { kind: 'context', name: arg } : { kind: 'contexts' };
  if ((name === 'ns' || name === 'namespace') && arg)
    return { kind: 'namespace', name: namespaceArg(arg) };
  const entry = catalog.resolve(name);
  if (!entry) return { kind: 'unknown', text: word };
  if (entry.ref.resource === 'namespaces' && !arg) return { kind: 'namespaces' };
  return arg === undefined
    ? { kind: 'resource', entry }
    : { kind: 'resource', entry, namespace: namespaceArg(arg) };
}

/** Completions of what has been typed: command words and type names, or context names. */
export function completeCommand(
  text: string,
  catalog: ResourceCatalog,
  contexts: readonly string[],
): string[] {
  const words = text.split(/\s+/);
  if (words.length <= 1) {
    const prefix = (words[0] ?? '').toLowerCase();
    const special = SPECIAL.filter((s) => s.startsWith(prefix));
    return [...new Set([...catalog.complete(prefix), ...special])].slice(0, 50);
  }
  const [first = '', second = ''] = words;
  if (['ctx', 'context', 'contexts'].includes(first.toLowerCase()))
    return contexts.filter((c) => c.startsWith(second)).map((c) => `${first} ${c}`);
  return [];
}
