/**
 * --custom: a partial container spec read from a JSON or YAML file, merged into the debug
 * container after the profile with a strategic merge patch (kubectl's applyCustomProfile*:
 * StrategicMergePatch against corev1.Container), so env, ports, volumeMounts and volumeDevices
 * merge by their keys, maps merge, and other lists are replaced.
 */
import { readFileSync } from 'node:fs';
import { PlainError } from '../../errors/errors.js';
import type { JsonObject, JsonValue } from '../../resources/patch/json-value.js';
import { PatchSchema } from '../../resources/patch/patch-meta.js';
import { applyStrategicPatch } from '../../resources/patch/smp-apply.js';
import type { OpenApiDocument } from '../../resources/validation/schema-types.js';
import type { DebugContainer, DebugPod } from './debug-types.js';
import type { DebugStyle } from './profiles.js';
import {
  CONTAINER_SCHEMA,
  GoTypeError,
  checkCustomizable,
  typedContainer,
} from './typed-container.js';

/** What --custom asks for, ready to merge. */
export interface CustomProfile {
  container: JsonObject;
  schema: PatchSchema;
}

async function parse(path: string, text: string): Promise<JsonValue> {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    const { loadYaml } = await import('../../util/load-yaml.js');
    const yaml = await loadYaml();
    try {
      return (yaml.parse(text, { version: '1.1' }) ?? null) as JsonValue;
    } catch (error) {
      throw new PlainError(
        `${path} does not contain a valid container spec: ${(error as Error).message}`,
      );
    }
  }
}

/** Reads, types and checks the file (kubectl's Complete and Validate parts of --custom). */
export async function readCustomProfile(
  path: string,
  document: () => Promise<OpenApiDocument | undefined>,
): Promise<CustomProfile> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    // os.ReadFile's words
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EISDIR'
        ? `read ${path}: is a directory`
        : `open ${path}: ${code === 'EACCES' ? 'permission denied' : 'no such file or directory'}`;
    throw new PlainError(`must pass a container spec json file for custom profile: ${reason}`);
  }
  const value = await parse(path, text);
  const doc = await document();
  let container: JsonObject;
  try {
    container = typedContainer(value, doc);
  } catch (error) {
    if (!(error instanceof GoTypeError)) throw error;
    throw new PlainError(
      `${path} does not contain a valid container spec: error unmarshaling JSON: while decoding JSON: ${error.message}`,
    );
  }
  const containerSchema = doc?.components?.schemas?.[CONTAINER_SCHEMA];
  return {
    container,
    schema: doc && containerSchema ? new PatchSchema(containerSchema, doc) : PatchSchema.none(),
  };
}

/** Checked after the other flags, where kubectl's Validate checks it. */
export function validateCustomProfile(profile: CustomProfile): void {
  checkCustomizable(profile.container);
}

/**
 * Merges the profile into the debug container `name`: an ephemeral container for ephemeral
 * debugging, else one of spec.containers (kubectl looks nowhere else, even for a copy's -c
 * naming an init container).
 */
export function applyCustomProfile(
  profile: CustomProfile,
  pod: DebugPod,
  name: string,
  style: DebugStyle,
): void {
  const ephemeral = style === 'ephemeral';
  const list = (ephemeral ? pod.spec.ephemeralContainers : pod.spec.containers) ?? [];
  const index = list.findIndex((c) => c.name === name);
  const container = list[index];
  if (!container)
    throw new PlainError(
      `unable to find the ${name}${ephemeral ? ' ephemeral' : ''} container in the pod ${pod.metadata.name}`,
    );
  const patch: JsonObject = { ...profile.container, name };
  list[index] = applyStrategicPatch(
    container as unknown as JsonObject,
    patch,
    profile.schema,
  ) as unknown as DebugContainer;
}
