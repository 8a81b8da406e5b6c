/**
 * `config set-credentials NAME`: kubectl's createAuthInfoOptions. Client certificate and key,
 * token and basic auth (one method at a time; setting one clears the other), an auth
 * provider with its `key=value` / `key-` arguments, and an exec credential plugin (command,
 * api version, arguments, environment, interactive mode, cluster info).
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import { PlainError } from '../../errors/errors.js';
import type { Factory } from '../../runtime/factory.js';
import { boolFlag } from '../../runtime/flag-values.js';

type Fields = Record<string, unknown>;

/** The flags' values, as commander hands them over. */
export type CredentialFlags = Record<string, unknown>;

const INTERACTIVE_MODES = ['IfAvailable', 'Never', 'Always'];

/** cmdutil.ParsePairs with removal: `k=v` sets, `k-` removes; anything else is invalid. */
function parsePairs(items: readonly string[], pairType: string): [Map<string, string>, string[]] {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const item of items) {
    const at = item.indexOf('=');
    if (at > 0) set.set(item.slice(0, at), item.slice(at + 1));
    else if (at < 0 && item.endsWith('-')) remove.push(item.slice(0, -1));
    else invalid.push(item);
  }
  if (invalid.length > 0) throw new PlainError(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return [set, remove];
}

function text(flags: CredentialFlags, key: string): string | undefined {
  return typeof flags[key] === 'string' ? flags[key] : undefined;
}

function list(flags: CredentialFlags, key: string): string[] {
  const value = flags[key];
  return Array.isArray(value) ? value.map(String) : [];
}

/** The parsed command line: kubectl's complete() (its errors come with the help on stdout). */
interface CredentialChange {
  name: string;
  providerArgs: [Map<string, string>, string[]];
  execArgs: string[];
  execEnv: [Map<string, string>, string[]];
}

function complete(args: string[], flags: CredentialFlags): CredentialChange {
  if (args.length !== 1) throw new PlainError(`unexpected args: [${args.join(' ')}]`);
  return {
    name: args[0] ?? '',
    providerArgs: parsePairs(list(flags, 'authProviderArg'), 'auth-provider-arg'),
    execArgs: list(flags, 'execArg'),
    execEnv: parsePairs(list(flags, 'execEnv'), 'exec-env'),
  };
}

function validate(change: CredentialChange, flags: CredentialFlags): void {
  if (change.name === '') throw new PlainError('you must specify a non-empty user name');
  const methods: string[] = [];
  if (text(flags, 'token')) methods.push('--token');
  if (text(flags, 'username') || text(flags, 'password')) methods.push('--username/--password');
  if (methods.length > 1)
    throw new PlainError(
      `you cannot specify more than one authentication method at the same time: ${methods.join(', ')}`,
    );
  const mode = text(flags, 'execInteractiveMode');
  if (mode !== undefined && !INTERACTIVE_MODES.includes(mode))
    throw new PlainError('invalid interactive mode type, can be only IfAvailable, Never, Always');
  if (flags['embedCerts'] === true) {
    const cert = text(flags, 'clientCertificate') ?? '';
    const key = text(flags, 'clientKey') ?? '';
    if (cert === '' && key === '')
      throw new PlainError('you must specify a --client-certificate or --client-key to embed');
    for (const [flag, path] of [
      ['client-certificate', cert],
      ['client-key', key],
    ] as const) {
      if (path !== '' && !existsSync(path))
        throw new PlainError(
          `could not stat ${flag} file ${path}: stat ${path}: no such file or directory`,
        );
    }
  }
}

/** Client certificate or key: embedded as data, or an absolute path that replaces the data. */
function setCertificate(user: Fields, field: string, path: string | undefined, embed: boolean) {
  if (path === undefined) return;
  if (embed) {
    user[`${field}-data`] = readFileSync(path).toString('base64');
    delete user[field];
  } else {
    user[field] = isAbsolute(path) ? path : resolve(path);
    if (path !== '') delete user[`${field}-data`];
  }
}

function setAuthProvider(user: Fields, flags: CredentialFlags, change: CredentialChange): void {
  const name = text(flags, 'authProvider');
  const current = user['auth-provider'] as Fields | undefined;
  if (name !== undefined && (current === undefined || current['name'] !== name))
    user['auth-provider'] = { name };
  const provider = user['auth-provider'] as Fields | undefined;
  if (!provider) return;
  const config = { ...((provider['config'] as Record<string, string> | undefined) ?? {}) };
  const [set, remove] = change.providerArgs;
  for (const key of remove) delete config[key];
  for (const [key, value] of set) config[key] = value;
  provider['config'] = config;
}

interface ExecEnv {
  name: string;
  value: string;
}

function setExec(user: Fields, flags: CredentialFlags, change: CredentialChange): void {
  const command = text(flags, 'execCommand');
  if (command !== undefined) {
    const current = user['exec'] as Fields | undefined;
    if (current === undefined) user['exec'] = { command };
    else {
      current['command'] = command;
      delete current['args'];
    }
  }
  const exec = user['exec'] as Fields | undefined;
  if (!exec) return;
  const apiVersion = text(flags, 'execApiVersion');
  if (apiVersion !== undefined) exec['apiVersion'] = apiVersion;
  if (change.execArgs.length > 0) exec['args'] = change.execArgs;
  const [set, remove] = change.execEnv;
  let env = ((exec['env'] as ExecEnv[] | null | undefined) ?? []).map((e) => ({ ...e }));
  if (remove.length > 0) env = env.filter((e) => !remove.includes(e.name));
  for (const [name, value] of set) {
    const existing = env.find((e) => e.name === name);
    if (existing) existing.value = value;
    else env.push({ name, value });
  }
  if (set.size > 0 || remove.length > 0) exec['env'] = env;
  const mode = text(flags, 'execInteractiveMode');
  if (mode !== undefined) exec['interactiveMode'] = mode;
  const provideClusterInfo = flags['execProvideClusterInfo'];
  if (typeof provideClusterInfo === 'string' || typeof provideClusterInfo === 'boolean')
    exec['provideClusterInfo'] = boolFlag('--exec-provide-cluster-info', provideClusterInfo);
}

/** Token and basic auth exclude each other: setting one clears the other. */
function setTokenOrBasic(user: Fields, flags: CredentialFlags): void {
  const token = text(flags, 'token');
  const username = text(flags, 'username');
  const password = text(flags, 'password');
  if (token !== undefined) user['token'] = token;
  if (username !== undefined) user['username'] = username;
  if (password !== undefined) user['password'] = password;
  const setToken = (token ?? '') !== '';
  const setBasic = (username ?? '') !== '' || (password ?? '') !== '';
  if (!setToken && !setBasic) return;
  if (!setToken) delete user['token'];
  if (!setBasic) {
    delete user['username'];
    delete user['password'];
  }
}

/** Edits one user stanza in place, as kubectl's modifyAuthInfo does. */
export function modifyAuthInfo(user: Fields, flags: CredentialFlags, change: CredentialChange) {
  const embed = flags['embedCerts'] === true;
  setCertificate(user, 'client-certificate', text(flags, 'clientCertificate'), embed);
  setCertificate(user, 'client-key', text(flags, 'clientKey'), embed);
  setTokenOrBasic(user, flags);
  setAuthProvider(user, flags, change);
  setExec(user, flags, change);
}

/**
 * Runs set-credentials: the arguments are read first (kubectl prints the help on stdout when
 * they are wrong), then checked, then the stanza is edited.
 */
export async function runSetCredentials(
  factory: Factory,
  args: string[],
  flags: CredentialFlags,
  command: Command,
  edit: (name: string, change: (user: Fields) => void) => Promise<void>,
): Promise<void> {
  let change: CredentialChange;
  try {
    change = complete(args, flags);
  } catch (error) {
    factory.streams.out.write(command.helpInformation());
    throw error;
  }
  validate(change, flags);
  await edit(change.name, (user) => modifyAuthInfo(user, flags, change));
  factory.streams.out.write(`User "${change.name}" set.\n`);
}
