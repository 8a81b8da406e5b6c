import { goJson, sortKeysDeep } from '../util/go-json.js';
import { loadYaml } from '../util/load-yaml.js';
import type {
  AuthInfo,
  Cluster,
  Context,
  ExecConfig,
  NamedExtension,
  Stanza,
} from './kubeconfig-types.js';

/** What a kubeconfig document holds, whether one file or the merged view. */
export interface KubeConfigDocument {
  clusters: Iterable<Stanza<Cluster>>;
  users: Iterable<Stanza<AuthInfo>>;
  contexts: Iterable<Stanza<Context>>;
  currentContext: string;
  preferences: Record<string, unknown>;
  extensions: NamedExtension[];
}

type Fields = Record<string, unknown>;

/** Copies the listed keys that are set (Go's omitempty), in the order given. */
function pick(source: Fields, keys: readonly string[], always: readonly string[] = []): Fields {
  const out: Fields = {};
  for (const key of keys) {
    const value = source[key];
    if (always.includes(key)) out[key] = value ?? emptyOf(key);
    else if (!isEmpty(value)) out[key] = value;
  }
  return out;
}

function emptyOf(key: string): unknown {
  return ['args', 'env', 'config', 'clusters', 'users', 'contexts'].includes(key) ? null : '';
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

const CLUSTER_KEYS = [
  'server',
  'tls-server-name',
  'insecure-skip-tls-verify',
  'certificate-authority',
  'certificate-authority-data',
  'proxy-url',
  'disable-compression',
  'extensions',
] as const;

const USER_KEYS = [
  'client-certificate',
  'client-certificate-data',
  'client-key',
  'client-key-data',
  'token',
  'tokenFile',
  'as',
  'as-uid',
  'as-groups',
  'as-user-extra',
  'username',
  'password',
  'auth-provider',
  'exec',
  'extensions',
] as const;

function clusterObject(cluster: Cluster): Fields {
  const out = pick(cluster as Fields, CLUSTER_KEYS, ['server']);
  if (out['extensions']) out['extensions'] = extensionList(cluster.extensions ?? []);
  return out;
}

function execObject(exec: ExecConfig): Fields {
  let interactiveMode = exec.interactiveMode;
  const legacy = ['client.authentication.k8s.io/v1beta1', 'client.authentication.k8s.io/v1alpha1'];
  if (!interactiveMode && legacy.includes(exec.apiVersion ?? '')) interactiveMode = 'IfAvailable';
  const out: Fields = {
    command: exec.command ?? '',
    args: exec.args && exec.args.length > 0 ? exec.args : null,
    env:
      exec.env && exec.env.length > 0
        ? exec.env.map((e) => ({ name: e.name ?? '', value: e.value ?? '' }))
        : null,
  };
  if (exec.apiVersion) out['apiVersion'] = exec.apiVersion;
  if (exec.installHint) out['installHint'] = exec.installHint;
  out['provideClusterInfo'] = exec.provideClusterInfo === true;
  if (interactiveMode) out['interactiveMode'] = interactiveMode;
  return out;
}

function userObject(user: AuthInfo): Fields {
  const out = pick(user as Fields, USER_KEYS);
  const provider = user['auth-provider'];
  if (provider) {
    // An empty map (`config: {}`, or one kubectl's set-credentials made) prints as {}; only an
    // absent one is Go's nil map, null.
    out['auth-provider'] = {
      name: provider.name ?? '',
      config: provider.config ? sortedRecord(provider.config) : null,
    };
  }
  if (user.exec) out['exec'] = execObject(user.exec);
  if (out['as-user-extra']) out['as-user-extra'] = sortedRecord(user['as-user-extra'] ?? {});
  if (out['extensions']) out['extensions'] = extensionList(user.extensions ?? []);
  return out;
}

function contextObject(context: Context): Fields {
  const out: Fields = { cluster: context.cluster ?? '', user: context.user ?? '' };
  if (context.namespace) out['namespace'] = context.namespace;
  if (context.extensions && context.extensions.length > 0)
    out['extensions'] = extensionList(context.extensions);
  return out;
}

function extensionList(list: NamedExtension[]): Fields[] {
  return [...list]
    .sort((a, b) => compareNames(a.name, b.name))
    .map((e) => ({ name: e.name ?? '', extension: e.extension ?? null }));
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort(compareNames)) out[key] = record[key] as T;
  return out;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function namedList<T>(
  stanzas: Iterable<Stanza<T>>,
  key: string,
  toObject: (value: T) => Fields,
): Fields[] | null {
  const list = [...stanzas].sort((a, b) => compareNames(a.name, b.name));
  if (list.length === 0) return null;
  return list.map((s) => ({ name: s.name, [key]: toObject(s.value) }));
}

function preferencesObject(preferences: Record<string, unknown>): Fields {
  const out: Fields = {};
  if (preferences['colors'] === true) out['colors'] = true;
  const extensions = preferences['extensions'];
  if (Array.isArray(extensions) && extensions.length > 0)
    out['extensions'] = extensionList(extensions as NamedExtension[]);
  return out;
}

/**
 * The document as kubectl encodes a clientcmd v1 Config: Go struct field order (what -o json
 * shows), names sorted, empty fields omitted exactly where the Go types say omitempty.
 */
export function toV1Object(doc: KubeConfigDocument): Fields {
  const preferences = preferencesObject(doc.preferences);
  const out: Fields = { kind: 'Config', apiVersion: 'v1' };
  // kubectl 1.34 omits empty preferences (1.32 printed `preferences: {}`).
  if (Object.keys(preferences).length > 0) out['preferences'] = preferences;
  Object.assign(out, {
    clusters: namedList(doc.clusters, 'cluster', clusterObject),
    users: namedList(doc.users, 'user', userObject),
    contexts: namedList(doc.contexts, 'context', contextObject),
    'current-context': doc.currentContext,
  });
  if (doc.extensions.length > 0) out['extensions'] = extensionList(doc.extensions);
  return out;
}

/** kubectl's YAML for a kubeconfig (what `config view` prints and what it writes to files). */
export async function kubeConfigYaml(doc: KubeConfigDocument): Promise<string> {
  const { stringify } = await loadYaml();
  return stringify(sortKeysDeep(toV1Object(doc)), {
    version: '1.1',
    indentSeq: false,
    lineWidth: 0,
    minContentWidth: 0,
    aliasDuplicateObjects: false,
    defaultStringType: 'PLAIN',
    defaultKeyType: 'PLAIN',
    nullStr: 'null',
  });
}

/** JSON as kubectl prints a typed object: struct field order, four-space indent, HTML-safe. */
export function kubeConfigJson(doc: KubeConfigDocument): string {
  return `${goJson(toV1Object(doc), 4)}\n`;
}
