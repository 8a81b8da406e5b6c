import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { decodeGoBase64 } from '../../util/go-base64.js';
import { boolFlag } from '../../runtime/flag-values.js';
import { PlainError } from '../../errors/errors.js';
import {
  defaultWriteTarget,
  editKubeConfigFile,
  stanzaTarget,
} from '../../config/kubeconfig-write.js';
import type { KubeConfigFile, Stanza } from '../../config/kubeconfig-types.js';
import type { Command } from 'commander';
import type { Factory } from '../../runtime/factory.js';
import { runSetCredentials as setCredentials } from './set-credentials.js';
import { startingKubeConfig } from './starting-config.js';

type Kind = 'clusters' | 'users' | 'contexts';
type Fields = Record<string, unknown>;

async function editStanza(
  factory: Factory,
  kind: Kind,
  name: string,
  change: (value: Fields) => void,
): Promise<void> {
  const config = await startingKubeConfig(factory);
  const target = stanzaTarget(config, kind, name, factory.flags.kubeconfig, factory.env);
  await editKubeConfigFile(target, (file: KubeConfigFile) => {
    const list = file[kind] as Stanza<unknown>[];
    let stanza = list.find((s) => s.name === name);
    if (!stanza) {
      stanza = {
        name,
        value: structuredClone(config[kind].get(name)?.value ?? {}),
        origin: target,
      };
      list.push(stanza);
    }
    change(stanza.value as Fields);
    relativizePaths(stanza.value as Fields, PATH_FIELDS[kind], dirname(resolve(target)));
  });
}

/** The file paths of each kind of stanza (client-go's Get*FileReferences). */
const PATH_FIELDS: Record<Kind, readonly string[]> = {
  clusters: ['certificate-authority'],
  users: ['client-certificate', 'client-key', 'tokenFile'],
  contexts: [],
};

/**
 * client-go's ModifyConfig writes the paths of a stanza it changed relative to the file when
 * they lie below the file's directory (RelativizePathWithNoBacksteps); others stay absolute.
 */
function relativizePaths(value: Fields, fields: readonly string[], base: string): void {
  for (const field of fields) {
    const path = value[field];
    if (typeof path !== 'string' || !isAbsolute(path)) continue;
    const rel = relative(base, path);
    if (rel !== '' && !rel.startsWith('..')) value[field] = rel;
  }
}

function str(opts: Record<string, unknown>, key: string): string | undefined {
  return typeof opts[key] === 'string' ? (opts[key] as string) : undefined;
}

function absolute(path: string): string {
  return isAbsolute(path) ? path : resolve(path);
}

function embed(path: string): string {
  try {
    return readFileSync(path).toString('base64');
  } catch {
    throw new PlainError(
      `could not read ${path} data from ${path}: open ${path}: no such file or directory`,
    );
  }
}

/** `config set-cluster NAME [--server] [--certificate-authority [--embed-certs]] [--insecure-skip-tls-verify] [--tls-server-name] [--proxy-url]`. */
export async function runSetCluster(
  factory: Factory,
  args: string[],
  opts: Record<string, unknown>,
): Promise<void> {
  const name = args[0] ?? '';
  if (!name) throw new PlainError('you must specify a non-empty cluster name');
  await editStanza(factory, 'clusters', name, (cluster) => {
    const server = str(opts, 'server');
    if (server !== undefined) cluster['server'] = server;
    const serverName = str(opts, 'tlsServerName');
    if (serverName !== undefined) cluster['tls-server-name'] = serverName;
    const proxy = str(opts, 'proxyUrl');
    if (proxy !== undefined) cluster['proxy-url'] = proxy;
    if (opts['insecureSkipTlsVerify'] === true) {
      cluster['insecure-skip-tls-verify'] = true;
      delete cluster['certificate-authority'];
      delete cluster['certificate-authority-data'];
    }
    const ca = str(opts, 'certificateAuthority');
    if (ca !== undefined) {
      if (opts['embedCerts'] === true) {
        cluster['certificate-authority-data'] = embed(ca);
        delete cluster['certificate-authority'];
      } else {
        cluster['certificate-authority'] = absolute(ca);
        delete cluster['certificate-authority-data'];
      }
      delete cluster['insecure-skip-tls-verify'];
    }
  });
  factory.streams.out.write(`Cluster "${name}" set.\n`);
}

/** `config set-credentials NAME [...]`: see set-credentials.ts. */
export async function runSetCredentials(
  factory: Factory,
  args: string[],
  opts: Record<string, unknown>,
  command: Command,
): Promise<void> {
  await setCredentials(factory, args, opts, command, (name, change) =>
    editStanza(factory, 'users', name, change),
  );
}

const KINDS: Kind[] = ['clusters', 'users', 'contexts'];

function splitProperty(property: string): string[] {
  return property.split('.').filter((part) => part !== '');
}

/** `config set PROPERTY VALUE`: current-context or <clusters|users|contexts>.NAME.field[.field]. */
export async function runSetProperty(
  factory: Factory,
  args: string[],
  opts: { setRawBytes?: boolean | string } = {},
): Promise<void> {
  const [property = '', value = ''] = args;
  if (args.length !== 2) throw new PlainError('Unexpected args: ' + JSON.stringify(args));
  const rawBytes = boolFlag('--set-raw-bytes', opts.setRawBytes, factory.commandPath);
  await changeProperty(factory, property, value, rawBytes);
  factory.streams.out.write(`Property "${property}" set.\n`);
}

/** `config unset PROPERTY`. */
export async function runUnsetProperty(factory: Factory, args: string[]): Promise<void> {
  const property = args[0] ?? '';
  if (args.length !== 1) throw new PlainError('Unexpected args: ' + JSON.stringify(args));
  await changeProperty(factory, property, undefined);
  factory.streams.out.write(`Property "${property}" unset.\n`);
}

async function changeProperty(
  factory: Factory,
  property: string,
  value: string | undefined,
  rawBytes = false,
): Promise<void> {
  const parts = splitProperty(property);
  const [head = '', name, ...path] = parts;
  if (head === 'current-context' && parts.length === 1) {
    const config = await startingKubeConfig(factory);
    const file =
      value === undefined
        ? (config.files.find(() => true) ??
          defaultWriteTarget(factory.flags.kubeconfig, factory.env))
        : defaultWriteTarget(factory.flags.kubeconfig, factory.env);
    await editKubeConfigFile(file, (edited) => {
      edited.currentContext = value ?? '';
    });
    return;
  }
  const kind = KINDS.find((k) => k === head);
  if (!kind || !name) throw new PlainError(`unable to locate path ${property}`);
  if (path.length === 0) {
    if (value !== undefined) throw new PlainError(`unable to locate path ${property}`);
    const config = await startingKubeConfig(factory);
    const stanza = config[kind].get(name);
    if (!stanza) return;
    await editKubeConfigFile(stanza.origin, (edited) => {
      const list = edited[kind] as Stanza<unknown>[];
      const index = list.findIndex((s) => s.name === name);
      if (index >= 0) list.splice(index, 1);
    });
    return;
  }
  const stored = value === undefined ? undefined : bytesField(kind, path, value, rawBytes);
  await editStanza(factory, kind, name, (fields) => setPath(fields, path, stored ?? value));
}

/** The kubeconfig fields that hold bytes ([]byte in clientcmd's types), base64 in the file. */
const BYTE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  clusters: ['certificate-authority-data'],
  users: ['client-certificate-data', 'client-key-data'],
};

/**
 * A []byte field's text in the file: the value is base64 to decode (kubectl checks it), or
 * with --set-raw-bytes the bytes themselves; undefined for any other field.
 */
function bytesField(
  kind: string,
  path: readonly string[],
  value: string,
  rawBytes: boolean,
): string | undefined {
  if (path.length !== 1 || !BYTE_FIELDS[kind]?.includes(path[0] ?? '')) return undefined;
  if (rawBytes) return Buffer.from(value, 'utf8').toString('base64');
  const decoded = decodeGoBase64(value);
  if (!Buffer.isBuffer(decoded))
    throw new PlainError(
      `error decoding input value: illegal base64 data at input byte ${decoded.corruptAt}`,
    );
  return decoded.toString('base64');
}

function setPath(fields: Fields, path: string[], value: string | undefined): void {
  let node: Fields = fields;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      if (value === undefined) return;
      node[key] = {};
    }
    node = node[key] as Fields;
  }
  const last = path[path.length - 1] ?? '';
  if (value === undefined) delete node[last];
  else node[last] = coerce(last, value);
}

function coerce(key: string, value: string): unknown {
  if (['insecure-skip-tls-verify', 'disable-compression', 'provideClusterInfo'].includes(key))
    return value === 'true';
  return value;
}
