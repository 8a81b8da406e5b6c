import { PlainError } from '../../errors/errors.js';
import {
  defaultWriteTarget,
  editKubeConfigFile,
  stanzaTarget,
} from '../../config/kubeconfig-write.js';
import type { KubeConfigFile, Stanza } from '../../config/kubeconfig-types.js';
import type { Factory } from '../../runtime/factory.js';
import { startingKubeConfig } from './starting-config.js';

/** The file kubectl names in its config messages (and writes new entries to). */
function defaultFile(factory: Factory): string {
  return defaultWriteTarget(factory.flags.kubeconfig, factory.env);
}

/** Replaces (or adds) a stanza by name, keeping the list's order. */
function upsert<T>(list: Stanza<T>[], name: string, value: T, origin: string): void {
  const index = list.findIndex((s) => s.name === name);
  if (index >= 0) list[index] = { name, value, origin };
  else list.push({ name, value, origin });
}

/** `config use-context NAME`. */
export async function runUseContext(factory: Factory, args: string[]): Promise<void> {
  const name = args[0] ?? '';
  if (name === '') throw new PlainError('empty context names are not allowed');
  const config = await startingKubeConfig(factory);
  if (!config.contexts.has(name))
    throw new PlainError(`no context exists with the name: "${name}"`);
  if (config.currentContext !== name) {
    await editKubeConfigFile(defaultFile(factory), (file) => {
      file.currentContext = name;
    });
  }
  factory.streams.out.write(`Switched to context "${name}".\n`);
}

/** `config set-context [NAME | --current] [--cluster] [--user] [--namespace]`. */
export async function runSetContext(
  factory: Factory,
  args: string[],
  opts: Record<string, unknown>,
): Promise<void> {
  const config = await startingKubeConfig(factory);
  let name = args[0] ?? '';
  if (opts['current'] === true) {
    if (name !== '') throw new PlainError('you cannot specify both a context name and --current');
    name = config.currentContext;
    if (name === '') throw new PlainError('no current context is set');
  }
  if (name === '') throw new PlainError('you must specify a non-empty context name or --current');
  const exists = config.contexts.has(name);
  const target = stanzaTarget(config, 'contexts', name, factory.flags.kubeconfig, factory.env);
  const set = (key: 'cluster' | 'user' | 'namespace'): string | undefined =>
    typeof opts[key] === 'string' ? (opts[key] as string) : undefined;
  await editKubeConfigFile(target, (file) => {
    const current =
      file.contexts.find((c) => c.name === name)?.value ??
      structuredClone(config.contexts.get(name)?.value) ??
      {};
    for (const key of ['cluster', 'user', 'namespace'] as const) {
      const value = set(key);
      if (value !== undefined) current[key] = value;
    }
    upsert(file.contexts, name, current, target);
  });
  factory.streams.out.write(`Context "${name}" ${exists ? 'modified' : 'created'}.\n`);
}

type Kind = 'contexts' | 'clusters' | 'users';
const SINGULAR: Record<Kind, string> = { contexts: 'context', clusters: 'cluster', users: 'user' };

async function deleteStanza(factory: Factory, kind: Kind, name: string): Promise<void> {
  const config = await startingKubeConfig(factory);
  const file = defaultFile(factory);
  const stanza = config[kind].get(name);
  if (!stanza) throw new PlainError(`cannot delete ${SINGULAR[kind]} ${name}, not in ${file}`);
  if (kind === 'contexts' && config.currentContext === name) {
    factory.streams.err.write(
      'warning: this removed your active context, use "ktl config use-context" to select a different one\n',
    );
  }
  await editKubeConfigFile(stanza.origin || file, (edited: KubeConfigFile) => {
    const list = edited[kind] as Stanza<unknown>[];
    const index = list.findIndex((s) => s.name === name);
    if (index >= 0) list.splice(index, 1);
  });
  factory.streams.out.write(`deleted ${SINGULAR[kind]} ${name} from ${file}\n`);
}

/** `config delete-context NAME`. */
export function runDeleteContext(factory: Factory, args: string[]): Promise<void> {
  return deleteStanza(factory, 'contexts', args[0] ?? '');
}

/** `config delete-cluster NAME`. */
export function runDeleteCluster(factory: Factory, args: string[]): Promise<void> {
  return deleteStanza(factory, 'clusters', args[0] ?? '');
}

/** `config delete-user NAME`. */
export function runDeleteUser(factory: Factory, args: string[]): Promise<void> {
  return deleteStanza(factory, 'users', args[0] ?? '');
}

/** `config rename-context OLD NEW`: the context stays in its file; current-context follows it. */
export async function runRenameContext(factory: Factory, args: string[]): Promise<void> {
  const [oldName = '', newName = ''] = args;
  if (args.length !== 2) throw new PlainError('Unexpected args: ' + JSON.stringify(args));
  const config = await startingKubeConfig(factory);
  const file = defaultFile(factory);
  const stanza = config.contexts.get(oldName);
  if (!stanza) throw new PlainError(`cannot rename the context "${oldName}", it's not in ${file}`);
  if (config.contexts.has(newName)) {
    throw new PlainError(
      `cannot rename the context "${oldName}", the context "${newName}" already exists in ${file}`,
    );
  }
  const origin = stanza.origin || file;
  await editKubeConfigFile(origin, (edited) => {
    const entry = edited.contexts.find((c) => c.name === oldName);
    if (entry) entry.name = newName;
    else edited.contexts.push({ name: newName, value: stanza.value, origin });
    if (origin === file && config.currentContext === oldName) edited.currentContext = newName;
  });
  if (config.currentContext === oldName && origin !== file) {
    await editKubeConfigFile(file, (edited) => {
      edited.currentContext = newName;
    });
  }
  factory.streams.out.write(`Context "${oldName}" renamed to "${newName}".\n`);
}
