import { readFileSync } from 'node:fs';
import { PlainError } from '../errors/errors.js';
import { resolveStanzaPath } from './client-config.js';
import type { KubeConfigDocument } from './kubeconfig-serialize.js';
import type { AuthInfo, Cluster, Context, KubeConfig, Stanza } from './kubeconfig-types.js';

/** A kubeconfig document whose stanzas are plain arrays that may be edited. */
export interface EditableDocument extends KubeConfigDocument {
  clusters: Stanza<Cluster>[];
  users: Stanza<AuthInfo>[];
  contexts: Stanza<Context>[];
}

/** A deep copy of the merged kubeconfig as a document. */
export function documentOf(config: KubeConfig): EditableDocument {
  const copy = <T>(stanzas: Iterable<Stanza<T>>): Stanza<T>[] =>
    [...stanzas].map((s) => ({ ...s, value: structuredClone(s.value) }));
  return {
    clusters: copy(config.clusters.values()),
    users: copy(config.users.values()),
    contexts: copy(config.contexts.values()),
    currentContext: config.currentContext,
    preferences: structuredClone(config.preferences),
    extensions: structuredClone(config.extensions),
  };
}

/** Hides secrets as `kubectl config view` does without --raw (client-go ShortenConfig). */
export function redactSecrets(doc: EditableDocument): void {
  for (const { value: user } of doc.users) {
    if (user['client-certificate-data']) user['client-certificate-data'] = 'DATA+OMITTED';
    if (user['client-key-data']) user['client-key-data'] = 'DATA+OMITTED';
    if (user.token) user.token = 'REDACTED';
    if (user.password) user.password = 'REDACTED';
  }
  for (const { value: cluster } of doc.clusters) {
    if (cluster['certificate-authority-data'])
      cluster['certificate-authority-data'] = 'DATA+OMITTED';
  }
}

/** Keeps only the current context, its cluster and its user (client-go MinifyConfig). */
export function minify(doc: EditableDocument): void {
  if (!doc.currentContext) throw new PlainError('current-context must exist in order to minify');
  const context = doc.contexts.find((c) => c.name === doc.currentContext);
  if (!context) throw new PlainError(`cannot locate context ${doc.currentContext}`);
  const clusterName = context.value.cluster ?? '';
  const userName = context.value.user ?? '';
  if (clusterName && !doc.clusters.some((c) => c.name === clusterName))
    throw new PlainError(`cannot locate cluster ${clusterName}`);
  if (userName && !doc.users.some((u) => u.name === userName))
    throw new PlainError(`cannot locate user ${userName}`);
  doc.contexts = [context];
  doc.clusters = doc.clusters.filter((c) => c.name === clusterName);
  doc.users = doc.users.filter((u) => u.name === userName);
}

function inline(path: string | undefined, origin: string): string | undefined {
  if (!path) return undefined;
  const file = resolveStanzaPath(path, origin) ?? path;
  try {
    return readFileSync(file).toString('base64');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file or directory' : (error as Error).message;
    throw new PlainError(`open ${file}: ${why}`);
  }
}

/** Inlines certificate files as *-data fields (client-go FlattenConfig). */
export function flatten(doc: EditableDocument): void {
  for (const { value: cluster, origin } of doc.clusters) {
    const data = inline(cluster['certificate-authority'], origin);
    if (data !== undefined) {
      cluster['certificate-authority-data'] = data;
      delete cluster['certificate-authority'];
    }
  }
  for (const { value: user, origin } of doc.users) {
    const cert = inline(user['client-certificate'], origin);
    if (cert !== undefined) {
      user['client-certificate-data'] = cert;
      delete user['client-certificate'];
    }
    const key = inline(user['client-key'], origin);
    if (key !== undefined) {
      user['client-key-data'] = key;
      delete user['client-key'];
    }
  }
}
