import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadYaml } from '../util/load-yaml.js';

/**
 * ktl's own preferences, kept apart from kubectl's kuberc (see README, "ktl's own
 * preferences"): `~/.kube/ktl-preferences.yaml`, or the file named by KTL_PREFERENCES
 * (`off` for none).
 *
 *   apiVersion: ktl.dev/v1alpha1
 *   kind: Preferences
 *   dashboard:
 *     defaultView: pods        # the resource type the dashboard opens on
 *     keys: { quit: q }        # action → key
 *     colors: { header: cyan } # role → colour
 *
 * This module only stores and loads them; what each key means is the dashboard's business.
 */
export interface KtlPreferences {
  dashboard: DashboardPreferences;
}

export interface DashboardPreferences {
  defaultView?: string;
  keys: Record<string, string>;
  colors: Record<string, string>;
}

export const KTL_PREFERENCES_API_VERSION = 'ktl.dev/v1alpha1';
const KIND = 'Preferences';

/** No preferences: what a missing or unusable file gives. */
export function emptyKtlPreferences(): KtlPreferences {
  return { dashboard: { keys: {}, colors: {} } };
}

/** Where ktl's preferences are read from; undefined when KTL_PREFERENCES=off. */
export function ktlPreferencesPath(env: NodeJS.ProcessEnv): string | undefined {
  const explicit = env['KTL_PREFERENCES'];
  if (explicit === 'off') return undefined;
  if (explicit) return explicit;
  return join(env['HOME'] ?? '', '.kube', 'ktl-preferences.yaml');
}

/**
 * Reads ktl's preferences. A missing file costs one failed read and no YAML parser; a file
 * that cannot be used, or a field of the wrong type, is skipped with a warning (one line each,
 * naming the file): preferences never stop a command.
 */
export async function loadKtlPreferences(
  env: NodeJS.ProcessEnv,
  warn: (text: string) => void,
): Promise<KtlPreferences> {
  const path = ktlPreferencesPath(env);
  const preferences = emptyKtlPreferences();
  if (!path) return preferences;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' || env['KTL_PREFERENCES'])
      warn(`Warning: ktl preferences not loaded from ${path}: ${describe(error)}\n`);
    return preferences;
  }
  const { parse } = await loadYaml();
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    warn(`Warning: ktl preferences not loaded from ${path}: ${describe(error).split('\n')[0]}\n`);
    return preferences;
  }
  if (raw === null || raw === undefined) return preferences;
  if (!isRecord(raw) || raw['kind'] !== KIND || raw['apiVersion'] !== KTL_PREFERENCES_API_VERSION) {
    warn(
      `Warning: ktl preferences not loaded from ${path}: expected apiVersion ${KTL_PREFERENCES_API_VERSION} and kind ${KIND}\n`,
    );
    return preferences;
  }
  const skip = (field: string, expected: string): void =>
    warn(`Warning: ktl preferences in ${path}: ${field} ignored: ${expected}\n`);
  const dashboard = raw['dashboard'];
  if (dashboard === undefined || dashboard === null) return preferences;
  if (!isRecord(dashboard)) {
    skip('dashboard', 'not a mapping');
    return preferences;
  }
  const view = dashboard['defaultView'];
  if (typeof view === 'string') preferences.dashboard.defaultView = view;
  else if (view !== undefined && view !== null) skip('dashboard.defaultView', 'not a string');
  preferences.dashboard.keys = stringMap(dashboard['keys'], 'dashboard.keys', skip);
  preferences.dashboard.colors = stringMap(dashboard['colors'], 'dashboard.colors', skip);
  return preferences;
}

function stringMap(
  value: unknown,
  field: string,
  skip: (field: string, expected: string) => void,
): Record<string, string> {
  const map: Record<string, string> = {};
  if (value === undefined || value === null) return map;
  if (!isRecord(value)) {
    skip(field, 'not a mapping');
    return map;
  }
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') map[key] = entry;
    else skip(`${field}.${key}`, 'not a string');
  }
  return map;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
