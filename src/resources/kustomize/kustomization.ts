import type { JsonObject, JsonValue } from '../patch/json-value.js';
import { isJsonObject } from '../patch/json-value.js';
import { KustomizeError } from './errors.js';
import type { Loader } from './loader.js';
import { parseYamlDocuments } from './yaml-docs.js';

/** A kustomization file as read (fields kept as JSON; each transformer reads its own). */
export interface Kustomization {
  file: string;
  raw: JsonObject;
  kind: 'Kustomization' | 'Component';
  resources: string[];
  components: string[];
  /** Deprecation warnings, printed on stderr as kustomize prints them. */
  warnings: string[];
}

export const KUSTOMIZATION_FILE_NAMES = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
];

const KNOWN_FIELDS = new Set([
  'apiVersion',
  'kind',
  'metadata',
  'openapi',
  'namePrefix',
  'nameSuffix',
  'namespace',
  'commonLabels',
  'labels',
  'commonAnnotations',
  'patchesStrategicMerge',
  'patchesJson6902',
  'patches',
  'images',
  'imageTags',
  'replacements',
  'replicas',
  'vars',
  'sortOptions',
  'resources',
  'components',
  'crds',
  'bases',
  'configMapGenerator',
  'secretGenerator',
  'helmGlobals',
  'helmCharts',
  'helmChartInflationGenerator',
  'generatorOptions',
  'configurations',
  'generators',
  'transformers',
  'validators',
  'buildMetadata',
]);

const EDIT_FIX = "Run 'kustomize edit fix' to update your Kustomization automatically.";
const DEPRECATED: ReadonlyArray<readonly [string, string]> = [
  ['bases', `# Warning: 'bases' is deprecated. Please use 'resources' instead. ${EDIT_FIX}`],
  [
    'commonLabels',
    `# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. ${EDIT_FIX}`,
  ],
  ['imageTags', `# Warning: 'imageTags' is deprecated. Please use 'images' instead. ${EDIT_FIX}`],
  [
    'patchesJson6902',
    `# Warning: 'patchesJson6902' is deprecated. Please use 'patches' instead. ${EDIT_FIX}`,
  ],
  [
    'patchesStrategicMerge',
    `# Warning: 'patchesStrategicMerge' is deprecated. Please use 'patches' instead. ${EDIT_FIX}`,
  ],
  [
    'vars',
    `# Warning: 'vars' is deprecated. Please use 'replacements' instead. [EXPERIMENTAL] ${EDIT_FIX}`,
  ],
];

/** Reads the one kustomization file of a root (LoadKustFile, Unmarshal, FixKustomization). */
export function loadKustomization(loader: Loader): Kustomization {
  const found = KUSTOMIZATION_FILE_NAMES.filter((name) => {
    try {
      loader.load(name);
      return true;
    } catch {
      return false;
    }
  });
  if (found.length === 0)
    throw new KustomizeError(
      `unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${loader.root}'`,
    );
  if (found.length > 1)
    throw new KustomizeError(`Found multiple kustomization files under: ${loader.root}`);
  const name = found[0] as string;
  const file = loader.absolute(name);
  const docs = parseYamlDocuments(loader.load(name), file);
  const raw = docs[0] ?? {};
  if (!isJsonObject(raw))
    throw new KustomizeError(`invalid Kustomization: ${file}: the file is not a YAML map`);
  for (const key of Object.keys(raw))
    if (!KNOWN_FIELDS.has(key))
      throw new KustomizeError(`invalid Kustomization: json: unknown field "${key}"`);
  for (const replacement of listField(raw, 'replacements')) checkReplacementFields(replacement);
  rejectOutOfScope(raw, file);
  const kind = raw['kind'] === 'Component' ? 'Component' : 'Kustomization';
  if (raw['kind'] !== undefined && raw['kind'] !== 'Kustomization' && kind !== 'Component')
    throw new KustomizeError(`invalid Kustomization: ${file}: kind ${String(raw['kind'])}`);
  const warnings = DEPRECATED.filter(([field]) => raw[field] !== undefined).map(([, m]) => m);
  const resources = [...stringList(raw, 'resources', file), ...stringList(raw, 'bases', file)];
  const components = stringList(raw, 'components', file);
  if (Object.keys(raw).filter((k) => k !== 'apiVersion' && k !== 'kind').length === 0)
    throw new KustomizeError('kustomization.yaml is empty');
  return { file, raw, kind, resources, components, warnings };
}

const SELECTOR_FIELDS = ['group', 'version', 'kind', 'name', 'namespace'];
const TARGET_SELECTOR_FIELDS = [...SELECTOR_FIELDS, 'labelSelector', 'annotationSelector'];
const OPTION_FIELDS = ['delimiter', 'index', 'encoding', 'create'];

/** Fields a replacement entry may have, nested (kustomize decodes kustomizations strictly). */
const REPLACEMENT_SHAPE: FieldShape = {
  path: true,
  sourceValue: true,
  source: { ...fieldsOf([...SELECTOR_FIELDS, 'fieldPath']), options: fieldsOf(OPTION_FIELDS) },
  targets: {
    select: fieldsOf(TARGET_SELECTOR_FIELDS),
    reject: fieldsOf(TARGET_SELECTOR_FIELDS),
    fieldPaths: true,
    options: fieldsOf(OPTION_FIELDS),
  },
};

/** A field's shape: `true` for any value, else the fields of a map (or of each list element). */
interface FieldShape {
  [field: string]: true | FieldShape;
}

function fieldsOf(names: string[]): FieldShape {
  return Object.fromEntries(names.map((name) => [name, true]));
}

function checkShape(value: JsonValue, shape: FieldShape): void {
  if (Array.isArray(value)) {
    for (const item of value) checkShape(item, shape);
    return;
  }
  if (!isJsonObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    const inner = shape[key];
    if (inner === undefined)
      throw new KustomizeError(`invalid Kustomization: json: unknown field "${key}"`);
    if (inner !== true) checkShape(item, inner);
  }
}

function checkReplacementFields(replacement: JsonValue): void {
  checkShape(replacement, REPLACEMENT_SHAPE);
}

/** helmCharts and friends need a helm binary kustomize would run: refused with their name. */
function rejectOutOfScope(raw: JsonObject, file: string): void {
  for (const field of ['helmCharts', 'helmChartInflationGenerator', 'helmGlobals'])
    if (raw[field] !== undefined)
      throw new KustomizeError(
        `${file}: '${field}' is not supported by ktl kustomize (it needs --enable-helm and a helm binary)`,
      );
}

/** A list of strings field (absent = empty). */
export function stringList(raw: JsonObject, field: string, file: string): string[] {
  const value = raw[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new KustomizeError(
      `invalid Kustomization: ${file}: '${field}' must be a list of strings`,
    );
  return value as string[];
}

/** A string-to-string map field (values kept as their text). */
export function stringMapField(raw: JsonObject, field: string): Record<string, string> {
  const value = raw[field];
  if (!isJsonObject(value)) return {};
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) result[key] = scalarText(item);
  return result;
}

/** A scalar as Go's yaml→string decoding leaves it (numbers and bools as written). */
export function scalarText(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function listField(raw: JsonObject, field: string): JsonValue[] {
  const value = raw[field];
  return Array.isArray(value) ? value : [];
}
