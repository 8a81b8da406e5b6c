/**
 * kubectl reads --custom into a Go `corev1.Container` and marshals it back before merging it:
 * that round trip drops fields the type lacks and `null`s, writes required fields that are
 * missing as zero values (a volumeMount without `name` gets `"name": ""`, which then overwrites
 * the profile's name), leaves out zero values of optional non-pointer fields (`stdin: false`,
 * `workingDir: ""`) but keeps those of pointer fields (`privileged: false`), turns YAML scalars
 * into strings where a string is wanted, and refuses other type mismatches with encoding/json's
 * words. Here the same is done with the server's OpenAPI schema of core/v1 Container in place
 * of the Go type.
 */
import { PlainError } from '../../errors/errors.js';
import type { JsonObject, JsonValue } from '../../resources/patch/json-value.js';
import { isJsonObject } from '../../resources/patch/json-value.js';
import type { OpenApiDocument, OpenApiSchema } from '../../resources/validation/schema-types.js';
import { resolveSchema } from '../../resources/validation/schema-types.js';

export const CONTAINER_SCHEMA = 'io.k8s.api.core.v1.Container';

/** Go pointer fields (kept when zero) by struct; every SecurityContext field is a pointer. */
const POINTER_FIELDS: Record<string, ReadonlySet<string> | 'all'> = {
  SecurityContext: 'all',
  WindowsSecurityContextOptions: 'all',
  Container: new Set(['restartPolicy']),
  Probe: new Set(['terminationGracePeriodSeconds']),
  GRPCAction: new Set(['service']),
  SeccompProfile: new Set(['localhostProfile']),
  AppArmorProfile: new Set(['localhostProfile']),
  VolumeMount: new Set(['recursiveReadOnly', 'mountPropagation']),
  ConfigMapKeySelector: new Set(['optional']),
  SecretKeySelector: new Set(['optional']),
  ConfigMapEnvSource: new Set(['optional']),
  SecretEnvSource: new Set(['optional']),
  FileKeySelector: new Set(['optional']),
};

/** The fields Probe takes from its embedded ProbeHandler (Go names them through it). */
const PROBE_HANDLER = new Set(['exec', 'httpGet', 'tcpSocket', 'grpc']);

function isPointer(struct: string, field: string): boolean {
  const fields = POINTER_FIELDS[struct];
  return fields === 'all' || (fields?.has(field) ?? false);
}

/** A type error in encoding/json's words (without the file name kubectl puts first). */
export class GoTypeError extends Error {}

interface Place {
  /** The Go struct that holds the field, e.g. EnvVar. */
  struct: string;
  /** The JSON path from the top, e.g. env.valueFrom. */
  path: string;
}

function jsonKind(value: JsonValue): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object' && value !== null) return 'object';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  return 'string';
}

function shortName(ref: string | undefined): string {
  return ref?.split('.').at(-1) ?? '';
}

/** The Go type name encoding/json would print for a schema. */
function goTypeName(schema: OpenApiSchema, name: string | undefined, doc: OpenApiDocument): string {
  if (name) return `v1.${shortName(name)}`;
  if (schema.type === 'array' && schema.items) {
    const item = resolveSchema(schema.items, doc);
    return `[]${goTypeName(item.schema, item.name, doc)}`;
  }
  if (schema.type === 'object') return 'map[string]string';
  if (schema.type === 'boolean') return 'bool';
  if (schema.type === 'integer') return schema.format ?? 'int';
  return 'string';
}

class ContainerDecoder {
  constructor(private readonly doc: OpenApiDocument) {}

  private mismatch(value: JsonValue, place: Place, type: string): GoTypeError {
    // encoding/json names the number only when it does not fit a numeric type
    const numeric = /^u?int|^float/.test(type);
    const what = typeof value === 'number' && numeric ? `number ${String(value)}` : jsonKind(value);
    return new GoTypeError(
      `json: cannot unmarshal ${what} into Go struct field ${place.struct}.${place.path} of type ${type}`,
    );
  }

  /**
   * The value as the Go type would hold and re-marshal it; undefined: left out. `coerce`: YAML
   * scalars become strings where a string is wanted (sigs.k8s.io/yaml finds no target type
   * below an embedded struct, so not there).
   */
  value(
    value: JsonValue,
    field: OpenApiSchema,
    place: Place,
    coerce: boolean,
  ): JsonValue | undefined {
    if (value === null) return undefined;
    const { schema, name } = resolveSchema(field, this.doc);
    if (schema.oneOf || schema.anyOf || (!schema.type && !schema.properties)) return value;
    const type = goTypeName(schema, name, this.doc);
    if (schema.properties) {
      if (!isJsonObject(value)) throw this.mismatch(value, place, type);
      return this.struct(value, schema, { struct: shortName(name), path: place.path }, coerce);
    }
    if (schema.type === 'array') {
      if (!Array.isArray(value)) throw this.mismatch(value, place, type);
      const items = schema.items ?? {};
      return value.map((item) => this.value(item, items, place, coerce) ?? zeroOf(items, this.doc));
    }
    if (schema.type === 'object') {
      if (!isJsonObject(value)) throw this.mismatch(value, place, type);
      const values =
        typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
      const result: JsonObject = {};
      for (const [key, item] of Object.entries(value))
        result[key] = this.value(item, values, place, coerce) ?? zeroOf(values, this.doc);
      return result;
    }
    if (schema.type === 'string') {
      // sigs.k8s.io/yaml writes YAML numbers and booleans as strings where a string is wanted
      if (coerce && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
      if (typeof value !== 'string') throw this.mismatch(value, place, type);
      return value;
    }
    if (schema.type === 'boolean') {
      if (typeof value !== 'boolean') throw this.mismatch(value, place, type);
      return value;
    }
    if (schema.type === 'integer' && (typeof value !== 'number' || !Number.isInteger(value)))
      throw this.mismatch(value, place, type);
    return value;
  }

  struct(value: JsonObject, schema: OpenApiSchema, at: Place, coerce: boolean): JsonObject {
    const { struct, path } = at;
    const properties = schema.properties ?? {};
    const byLowerName = new Map(Object.keys(properties).map((key) => [key.toLowerCase(), key]));
    const result: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      // encoding/json matches field names case-insensitively when no exact match exists
      const field = key in properties ? key : byLowerName.get(key.toLowerCase());
      if (field === undefined) continue;
      const fieldSchema = properties[field] ?? {};
      const embedded = struct === 'Probe' && PROBE_HANDLER.has(field);
      const segment = embedded ? `ProbeHandler.${field}` : field;
      const place = { struct, path: path ? `${path}.${segment}` : segment };
      const decoded = this.value(item, fieldSchema, place, coerce && !embedded);
      if (decoded === undefined) continue;
      const required = schema.required?.includes(field) ?? false;
      const empty = isEmpty(decoded) || (isMap(fieldSchema, this.doc) && isEmptyMap(decoded));
      if (!required && !isPointer(struct, field) && empty) continue;
      result[field] = decoded;
    }
    for (const field of schema.required ?? [])
      if (!(field in result)) result[field] = zeroOf(properties[field] ?? {}, this.doc);
    return result;
  }
}

/** Go's omitempty: false, 0, "", and empty lists and maps (structs are never empty). */
function isEmpty(value: JsonValue): boolean {
  if (value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function isMap(field: OpenApiSchema, doc: OpenApiDocument): boolean {
  const { schema } = resolveSchema(field, doc);
  return schema.type === 'object' && !schema.properties;
}

function isEmptyMap(value: JsonValue): boolean {
  return isJsonObject(value) && Object.keys(value).length === 0;
}

function zeroOf(field: OpenApiSchema, doc: OpenApiDocument): JsonValue {
  const { schema } = resolveSchema(field, doc);
  if (schema.properties) return {};
  if (schema.type === 'string') return '';
  if (schema.type === 'integer' || schema.type === 'number') return 0;
  if (schema.type === 'boolean') return false;
  if (schema.type === 'object') return {};
  if (schema.oneOf?.some((s) => s.type === 'integer')) return 0;
  return null;
}

/**
 * The custom container as kubectl holds it after reading it into a corev1.Container; without a
 * schema (a server with no OpenAPI v3) it is taken as written, minus nulls.
 */
export function typedContainer(value: JsonValue, doc: OpenApiDocument | undefined): JsonObject {
  if (!isJsonObject(value)) {
    if (value === null) return {};
    throw new GoTypeError(
      `json: cannot unmarshal ${jsonKind(value)} into Go value of type v1.Container`,
    );
  }
  const schema = doc?.components?.schemas?.[CONTAINER_SCHEMA];
  if (!doc || !schema) return withoutNulls(value);
  return new ContainerDecoder(doc).struct(value, schema, { struct: 'Container', path: '' }, true);
}

function withoutNulls(value: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const [key, item] of Object.entries(value))
    if (item !== null) result[key] = isJsonObject(item) ? withoutNulls(item) : item;
  return result;
}

/** kubectl's Validate of --custom: the fields a profile may not change. */
export function checkCustomizable(container: JsonObject): void {
  const set = (key: string): boolean => {
    const v = container[key];
    return v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);
  };
  if (['name', 'command', 'image', 'lifecycle', 'volumeDevices'].some(set))
    throw new PlainError(
      'name, command, image, lifecycle and volume devices are not modifiable via custom profile',
    );
}
