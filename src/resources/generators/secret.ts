/** `kubectl create secret generic|tls|docker-registry`. */
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import type { SourceReader } from './data-sources.js';
import { addEnvFileSources, addFileSources, addLiteralSources } from './data-sources.js';
import { secretHash } from './hash.js';
import type { KubeObject } from '../kube-object.js';
import { goJson } from '../../util/go-json.js';
import { compact, objectMeta, sortedMap } from './object.js';
import { configMapKeyErrors } from './validation.js';

/** What every secret generator takes. */
export interface SecretBase {
  name: string;
  namespace?: string;
  appendHash?: boolean;
}

/** Flags of `create secret generic`. */
export interface GenericSecretParams extends SecretBase {
  type?: string;
  fromFile?: readonly string[];
  fromLiteral?: readonly string[];
  fromEnvFile?: readonly string[];
}

class SecretData {
  readonly entries: Record<string, string> = {};
  add = (key: string, bytes: Buffer): void => {
    const errors = configMapKeyErrors(key);
    if (errors.length > 0)
      throw new Error(
        `${JSON.stringify(key)} is not valid key name for a Secret ${errors.join(';')}`,
      );
    if (key in this.entries)
      throw new Error(`cannot add key ${key}, another key by that name already exists`);
    this.entries[key] = bytes.toString('base64');
  };
}

function secretObject(
  base: SecretBase,
  data: Record<string, string>,
  type: string | undefined,
): KubeObject {
  const secret: KubeObject = compact({
    kind: 'Secret',
    apiVersion: 'v1',
    metadata: objectMeta({ name: base.name, namespace: base.namespace }),
    data: sortedMap(data),
    type: type || undefined,
  });
  if (base.appendHash) {
    const hash = secretHash({ ...secret, data: sortedMap(data) ?? {} });
    secret['metadata'] = objectMeta({ name: `${base.name}-${hash}`, namespace: base.namespace });
  }
  return secret;
}

/** Builds a generic Secret: literals, then files, then env files, base64 in data. */
export function generateGenericSecret(
  params: GenericSecretParams,
  reader: SourceReader,
): KubeObject {
  const data = new SecretData();
  addLiteralSources(params.fromLiteral ?? [], data.add);
  addFileSources(params.fromFile ?? [], reader, data.add);
  addEnvFileSources(
    params.fromEnvFile ?? [],
    reader,
    data.add,
    'env secret file cannot be a directory',
  );
  return secretObject(params, data.entries, params.type);
}

/** Flags of `create secret tls`. */
export interface TlsSecretParams extends SecretBase {
  cert: string;
  key: string;
}

function readForTls(reader: SourceReader, path: string): Buffer {
  try {
    return reader.readFile(path);
  } catch (error) {
    throw new Error(`Cannot read file ${path}, ${(error as Error).message}`);
  }
}

/** Go's tls.X509KeyPair checks, approximately: both parse and the key matches the certificate. */
function checkKeyPair(cert: Buffer, key: Buffer): void {
  if (!cert.toString('latin1').includes('-----BEGIN'))
    throw new Error('tls: failed to find any PEM data in certificate input');
  if (!key.toString('latin1').includes('-----BEGIN'))
    throw new Error('tls: failed to find any PEM data in key input');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch (error) {
    throw new Error(`x509: malformed certificate: ${(error as Error).message}`);
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new Error('tls: failed to parse private key');
  }
  const fromKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const fromCert = certificate.publicKey.export({ type: 'spki', format: 'der' });
  if (!fromKey.equals(fromCert)) throw new Error('tls: private key does not match public key');
}

/** Builds a kubernetes.io/tls Secret from a certificate and its key. */
export function generateTlsSecret(params: TlsSecretParams, reader: SourceReader): KubeObject {
  const cert = readForTls(reader, params.cert);
  const key = readForTls(reader, params.key);
  checkKeyPair(cert, key);
  return secretObject(
    params,
    { 'tls.crt': cert.toString('base64'), 'tls.key': key.toString('base64') },
    'kubernetes.io/tls',
  );
}

/** Flags of `create secret docker-registry`. */
export interface DockerSecretParams extends SecretBase {
  server: string;
  username?: string;
  password?: string;
  email?: string;
  fromFile?: readonly string[];
}

/** Builds a kubernetes.io/dockerconfigjson Secret from credentials or a config file. */
export function generateDockerSecret(params: DockerSecretParams, reader: SourceReader): KubeObject {
  const data = new SecretData();
  const files = (params.fromFile ?? []).map((f) =>
    f.includes('=') ? f : `.dockerconfigjson=${f}`,
  );
  if (files.length > 0) addFileSources(files, reader, data.add);
  else data.add('.dockerconfigjson', Buffer.from(dockerConfigJson(params), 'utf8'));
  return secretObject(params, data.entries, 'kubernetes.io/dockerconfigjson');
}

/** The .dockerconfigjson document: {"auths":{server:{username,password,email,auth}}}. */
export function dockerConfigJson(params: DockerSecretParams): string {
  const username = params.username ?? '';
  const password = params.password ?? '';
  const entry = compact({
    username: username || undefined,
    password: password || undefined,
    email: params.email || undefined,
    auth: Buffer.from(`${username}:${password}`, 'utf8').toString('base64'),
  });
  return goJson({ auths: { [params.server]: entry } });
}
