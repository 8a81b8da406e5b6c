/**
 * `set env --list --resolve`: the value a valueFrom reference points at, as kubectl's
 * envutil.GetEnvVarRefValue finds it: ConfigMap and Secret keys read from the command's
 * namespace (each object read once per container), the object's own metadata for fieldRef,
 * and the container's resources for resourceFieldRef.
 */
import { qualifiedNameErrors } from '../../resources/generators/validation.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { Amount } from '../../resources/metrics/usage.js';
import { amountOf, milliValue, wholeValue } from '../../resources/metrics/usage.js';
import type { Factory } from '../../runtime/factory.js';

type Json = Record<string, unknown>;

/** Reads a ConfigMap's or Secret's data, each name at most once (kubectl's ResourceStore). */
export class ReferenceStore {
  private readonly objects = new Map<string, Promise<KubeObject>>();
  constructor(
    private readonly factory: Factory,
    private readonly namespace: string,
  ) {}

  read(resource: 'configmaps' | 'secrets', name: string): Promise<KubeObject> {
    const key = `${resource}/${name}`;
    let object = this.objects.get(key);
    if (!object) {
      object = this.get(resource, name);
      this.objects.set(key, object);
    }
    return object;
  }

  private async get(resource: string, name: string): Promise<KubeObject> {
    const client = await this.factory.client();
    const namespace = encodeURIComponent(this.namespace);
    return client.json<KubeObject>({
      path: `/api/v1/namespaces/${namespace}/${resource}/${encodeURIComponent(name)}`,
    });
  }
}

/** The referenced value, or a rejection with kubectl's reason. */
export async function envVarRefValue(
  store: ReferenceStore,
  from: Json,
  object: KubeObject,
  container: Json,
): Promise<string> {
  const ref = (field: string): Json | undefined => from[field] as Json | undefined;
  const secret = ref('secretKeyRef');
  if (secret) {
    const [name, key] = [String(secret['name'] ?? ''), String(secret['key'] ?? '')];
    const data = ((await store.read('secrets', name))['data'] ?? {}) as Json;
    if (typeof data[key] === 'string') return Buffer.from(data[key], 'base64').toString('utf8');
    throw new Error(`key ${key} not found in secret ${name}`);
  }
  const configMap = ref('configMapKeyRef');
  if (configMap) {
    const [name, key] = [String(configMap['name'] ?? ''), String(configMap['key'] ?? '')];
    const data = ((await store.read('configmaps', name))['data'] ?? {}) as Json;
    if (typeof data[key] === 'string') return data[key];
    throw new Error(`key ${key} not found in config map ${name}`);
  }
  const field = ref('fieldRef');
  if (field) return fieldPathValue(object, String(field['fieldPath'] ?? ''));
  const resource = ref('resourceFieldRef');
  if (resource) return containerResourceValue(resource, container);
  throw new Error('invalid valueFrom');
}

/** extractFieldPathAsString over the object's metadata. */
function fieldPathValue(object: KubeObject, fieldPath: string): string {
  const metadata = (object.metadata ?? {}) as Json;
  const map = (name: string): Record<string, string> =>
    (metadata[name] ?? {}) as Record<string, string>;
  const subscripted = splitSubscript(fieldPath);
  if (subscripted) {
    const [path, subscript] = subscripted;
    if (path !== 'metadata.annotations' && path !== 'metadata.labels')
      throw new Error(`fieldPath ${JSON.stringify(fieldPath)} does not support subscript`);
    const annotations = path === 'metadata.annotations';
    const problems = qualifiedNameErrors(annotations ? subscript.toLowerCase() : subscript);
    if (problems.length > 0)
      throw new Error(`invalid key subscript in ${fieldPath}: ${problems.join(';')}`);
    return map(annotations ? 'annotations' : 'labels')[subscript] ?? '';
  }
  switch (fieldPath) {
    case 'metadata.annotations':
      return formatMap(map('annotations'));
    case 'metadata.labels':
      return formatMap(map('labels'));
    case 'metadata.name':
    case 'metadata.namespace':
    case 'metadata.uid':
      return String(metadata[fieldPath.slice('metadata.'.length)] ?? '');
  }
  throw new Error(`unsupported fieldPath: ${fieldPath}`);
}

/** splitMaybeSubscriptedPath: `metadata.labels['key']` into its path and key. */
function splitSubscript(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const inner = fieldPath.slice(0, -2);
  const at = inner.indexOf("['");
  if (at <= 0) return undefined;
  return [inner.slice(0, at), inner.slice(at + 2)];
}

/** `key="value"` lines in key order, as Go's %q quotes the value. */
function formatMap(map: Record<string, string>): string {
  return Object.keys(map)
    .sort()
    .map((key) => `${key}=${goQuote(map[key] ?? '')}`)
    .join('\n');
}

/** Go's %q for the strings labels and annotations hold (JSON's escapes, minus its \u for <>&). */
function goQuote(text: string): string {
  return JSON.stringify(text).replace(/\\u00([0-9a-f]{2})/g, (_m, hex: string) => `\\x${hex}`);
}

/** extractContainerResourceValue: the request or limit divided by the divisor, rounded up. */
function containerResourceValue(selector: Json, container: Json): string {
  const name = String(selector['resource'] ?? '');
  const divisorText = typeof selector['divisor'] === 'string' ? selector['divisor'] : '0';
  const given = amountOf(divisorText);
  const divisor = given.units === 0n ? amountOf('1') : given;
  const resources = (container['resources'] ?? {}) as Json;
  const quantity = (list: string, key: string): Amount =>
    amountOf(((resources[list] ?? {}) as Record<string, string>)[key]);
  const [list = '', key = ''] = splitOnce(name, '.');
  if (list === 'limits' || list === 'requests') {
    if (key === 'cpu') return ceilDivide(milliValue(quantity(list, key)), milliValue(divisor));
    if (key === 'memory' || key === 'ephemeral-storage' || key.startsWith('hugepages-'))
      return ceilDivide(wholeValue(quantity(list, key)), wholeValue(divisor));
  }
  throw new Error(`Unsupported container resource : ${name}`);
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

/** int64(math.Ceil(float64(a) / float64(b))), as kubectl computes it. */
function ceilDivide(a: bigint, b: bigint): string {
  return String(Math.ceil(Number(a) / Number(b)));
}
