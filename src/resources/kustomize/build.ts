import { existsSync } from 'node:fs';
import type { JsonObject, JsonValue } from '../patch/json-value.js';
import { isJsonObject } from '../patch/json-value.js';
import type { TransformerConfig } from './config.js';
import {
  defaultConfig,
  emptyConfig,
  mergeConfig,
  parseConfigFile,
  parseFieldSpec,
} from './config.js';
import { KustomizeError } from './errors.js';
import type { FieldSpec } from './field-spec.js';
import { mergeSpecs, specs } from './field-spec.js';
import type { GeneratorOptions } from './generators.js';
import { contentHash, generate, mergeOptions, parseOptions } from './generators.js';
import { resIdString } from './gvk.js';
import { transformImages } from './images.js';
import type { Kustomization } from './kustomization.js';
import {
  listField,
  loadKustomization,
  scalarText,
  stringList,
  stringMapField,
} from './kustomization.js';
import type { LoadRestrictor } from './loader.js';
import { Loader } from './loader.js';
import { fixNameReferences } from './nameref.js';
import type { LoadedPatch } from './patches.js';
import { applyPatchEntry, loadPatch, patchById } from './patches.js';
import { applyReplacements } from './replacements.js';
import { ResMap } from './resmap.js';
import { Resource } from './resource.js';
import { parseSelectorField } from './selector.js';
import { DEFAULT_ORDER_FIRST, DEFAULT_ORDER_LAST, legacySort } from './sort.js';
import {
  transformMapEntries,
  transformNameAffix,
  transformNamespace,
  transformReplicas,
} from './transformers.js';
import type { Var } from './vars.js';
import { parseVars, resolveVars } from './vars.js';
import { setCustomSchemas } from './merge-schema.js';
import { schemasFromOpenApi } from './openapi.js';
import { parseYamlDocuments } from './yaml-docs.js';

/** Options of a build (kubectl kustomize's flags). */
export interface BuildOptions {
  loadRestrictor: LoadRestrictor;
  /** `--reorder`: 'legacy' (default), 'none', or unset. */
  reorder?: 'legacy' | 'none';
}

/** What a build gives: the objects in output order and kustomize's warnings. */
export interface BuildResult {
  objects: JsonObject[];
  warnings: string[];
}

/** The state built up while walking a kustomization tree (ResAccumulator). */
interface Accumulator {
  resmap: ResMap;
  config: TransformerConfig;
  vars: Var[];
}

function emptyAccumulator(): Accumulator {
  return { resmap: new ResMap(), config: defaultConfig(), vars: [] };
}

/** Builds the kustomization in `dir` (krusty.Kustomizer.Run). */
export function buildKustomization(dir: string, options: BuildOptions): BuildResult {
  const warnings: string[] = [];
  try {
    return build(dir, options, warnings);
  } catch (error) {
    if (error instanceof KustomizeError) error.warnings = warnings;
    throw error;
  } finally {
    setCustomSchemas(undefined);
    schemaChosen = false;
  }
}

/** Whether a kustomization of this build has chosen the OpenAPI schema (the first one does). */
let schemaChosen = false;

/** openapi.SetSchema: `openapi: {path: file}` replaces the built-in schema for the build. */
function chooseSchema(loader: Loader, raw: JsonObject, file: string): void {
  if (schemaChosen) return;
  const openapi = raw['openapi'];
  if (!isJsonObject(openapi)) return;
  const path = typeof openapi['path'] === 'string' ? openapi['path'] : undefined;
  const version = typeof openapi['version'] === 'string' ? openapi['version'] : undefined;
  if (path !== undefined) {
    if (version !== undefined)
      throw new KustomizeError('builtin version and custom schema provided, cannot use both');
    const docs = parseYamlDocuments(loader.load(path), loader.absolute(path));
    setCustomSchemas(schemasFromOpenApi(docs[0] ?? null, loader.absolute(path)));
    schemaChosen = true;
    return;
  }
  if (version === undefined || version === '') return;
  if (version !== 'v1.21.2')
    throw new KustomizeError(`the specified OpenAPI version is not built in: ${file}`);
  schemaChosen = true;
}

function build(dir: string, options: BuildOptions, warnings: string[]): BuildResult {
  const loader = Loader.forRoot(dir, options.loadRestrictor);
  const target = new Target(loader, warnings);
  const acc = target.accumulate(emptyAccumulator());
  // Hashes, name references and vars come last, once, over the whole tree.
  for (const r of acc.resmap.resources)
    if (r.needsHash) {
      const hash = contentHash(r.object);
      r.storePreviousId();
      r.setName(`${r.name}-${hash}`);
    }
  fixNameReferences(acc.resmap, acc.config.nameReference);
  resolveVars(acc.resmap, acc.vars, acc.config.varReference);
  let resources = acc.resmap.resources.filter(
    (r) => r.annotations()['config.kubernetes.io/local-config'] !== 'true',
  );
  resources = sortResources(resources, target.kustomization.raw, options, warnings);
  const buildMetadata = stringList(
    target.kustomization.raw,
    'buildMetadata',
    target.kustomization.file,
  );
  if (buildMetadata.includes('managedByLabel'))
    for (const r of resources) {
      const labels = r.labels();
      labels['app.kubernetes.io/managed-by'] = 'kustomize-v5.7.1';
      r.setStringMap('labels', labels);
    }
  return { objects: resources.map((r) => r.object), warnings };
}

function sortResources(
  resources: Resource[],
  raw: JsonObject,
  options: BuildOptions,
  warnings: string[],
): Resource[] {
  const sortOptions = raw['sortOptions'];
  if (isJsonObject(sortOptions)) {
    if (options.reorder !== undefined)
      warnings.push(
        "Warning: Sorting order is set both in 'kustomization.yaml' ('sortOptions') and in a CLI flag ('--reorder'). Using the kustomization file over the CLI flag.",
      );
    const order = sortOptions['order'];
    const legacyOptions = sortOptions['legacySortOptions'];
    if (order !== 'fifo' && order !== 'legacy')
      throw new KustomizeError("the field 'sortOptions.order' must be one of [fifo, legacy]");
    if (order === 'fifo') {
      if (legacyOptions !== undefined)
        throw new KustomizeError(
          "the field 'sortOptions.legacySortOptions' is set but the selected sort order is 'fifo', not 'legacy'",
        );
      return resources;
    }
    if (isJsonObject(legacyOptions))
      return legacySort(
        resources,
        (listField(legacyOptions, 'orderFirst') as string[]).map(String),
        (listField(legacyOptions, 'orderLast') as string[]).map(String),
      );
    return legacySort(resources, DEFAULT_ORDER_FIRST, DEFAULT_ORDER_LAST);
  }
  return options.reorder === 'none' ? resources : legacySort(resources);
}

const REMOTE = /^(https?:\/\/|git@|ssh:\/\/|git::|github\.com\/|gitlab\.com\/|bitbucket\.org\/)/;

/** One kustomization root being built (KustTarget). */
class Target {
  readonly loader: Loader;
  readonly kustomization: Kustomization;
  private readonly warnings: string[];

  constructor(loader: Loader, warnings: string[]) {
    this.loader = loader;
    this.warnings = warnings;
    this.kustomization = loadKustomization(loader);
    warnings.push(...this.kustomization.warnings);
    chooseSchema(loader, this.kustomization.raw, this.kustomization.file);
  }

  get raw(): JsonObject {
    return this.kustomization.raw;
  }
  get file(): string {
    return this.kustomization.file;
  }

  accumulate(acc: Accumulator): Accumulator {
    this.accumulateResources(acc, this.kustomization.resources);
    acc.config = mergeConfig(acc.config, this.loadConfigurations());
    this.runGenerators(acc);
    for (const path of this.kustomization.components) {
      const child = this.childTarget(path, true);
      acc = child.accumulate(acc);
    }
    this.runTransformers(acc);
    acc.vars.push(...parseVars(this.raw['vars'], this.file));
    checkVarNames(acc.vars);
    return acc;
  }

  private childTarget(path: string, component: boolean): Target {
    if (REMOTE.test(path))
      throw new KustomizeError(
        `${this.file}: remote ${component ? 'component' : 'base'} '${path}' is not supported by ktl kustomize (only local files and directories)`,
      );
    const loader = this.loader.child(path);
    const child = wrapError(
      `couldn't make target for path '${loader.root}'`,
      () => new Target(loader, this.warnings),
    );
    const kind = child.kustomization.kind;
    if (component && kind !== 'Component')
      throw new KustomizeError(
        `expected kind 'Component' for path '${child.loader.root}' but got '${kind}'`,
      );
    if (!component && kind === 'Component')
      throw new KustomizeError(`expected kind != 'Component' for path '${child.loader.root}'`);
    return child;
  }

  private accumulateResources(acc: Accumulator, paths: readonly string[]): void {
    for (const path of paths) {
      if (REMOTE.test(path))
        throw new KustomizeError(
          `${this.file}: remote resource '${path}' is not supported by ktl kustomize (only local files and directories)`,
        );
      const abs = this.loader.absolute(path);
      const prefix = `accumulating resources: accumulation err='accumulating resources from '${path}'`;
      if (this.loader.isDirectory(path)) {
        const notFile = `${prefix}: '${abs}' must resolve to a file'`;
        const child = wrapError(notFile, () => this.childTarget(path, false));
        const root = child.loader.root;
        const sub = wrapError(`${notFile}: recursed accumulation of path '${root}'`, () =>
          child.accumulate(emptyAccumulator()),
        );
        wrapError(`${notFile}: recursed merging from path '${root}'`, () =>
          acc.resmap.appendAll(sub.resmap.resources),
        );
        acc.config = mergeConfig(acc.config, sub.config);
        acc.vars.push(...sub.vars);
        checkVarNames(acc.vars);
        continue;
      }
      const exists = existsSync(abs);
      const notDir = exists
        ? `'${abs}': file is not directory`
        : `not a valid directory: evalsymlink failure on '${abs}' : lstat ${abs}: no such file or directory`;
      const resources = wrapError(
        (message) => `${prefix}: ${message}': must build at directory: ${notDir}`,
        () => resourcesFromText(this.loader.load(path), abs),
      );
      wrapError(
        (message) =>
          `accumulating resources: accumulation err='merging resources from '${path}': ${message}': must build at directory: ${notDir}`,
        () => acc.resmap.appendAll(resources),
      );
    }
  }

  private loadConfigurations(): TransformerConfig {
    let config = defaultConfig();
    for (const path of stringList(this.raw, 'configurations', this.file))
      for (const doc of parseYamlDocuments(this.loader.load(path), this.loader.absolute(path)))
        config = mergeConfig(config, parseConfigFile(doc));
    for (const path of stringList(this.raw, 'crds', this.file))
      config = mergeConfig(config, crdConfig(parseYamlDocuments(this.loader.load(path), path)));
    return config;
  }

  private globalOptions(): GeneratorOptions | undefined {
    return parseOptions(this.raw['generatorOptions']);
  }

  private runGenerators(acc: Accumulator): void {
    const global = this.globalOptions();
    const generated: Resource[] = [];
    for (const [field, kind] of [
      ['configMapGenerator', 'ConfigMap'],
      ['secretGenerator', 'Secret'],
    ] as const)
      for (const args of listField(this.raw, field)) {
        if (!isJsonObject(args)) continue;
        const opts = mergeOptions(parseOptions(args['options']), global);
        generated.push(generate(kind, args, opts, this.loader, this.file));
      }
    for (const config of this.pluginConfigs('generators'))
      generated.push(...this.runGeneratorPlugin(config));
    for (const r of generated) absorb(acc.resmap, r);
  }

  private runGeneratorPlugin(config: JsonObject): Resource[] {
    const kind = config['kind'];
    if (kind === 'ConfigMapGenerator' || kind === 'SecretGenerator') {
      const args = { ...config, ...(isJsonObject(config['metadata']) ? config['metadata'] : {}) };
      const opts = mergeOptions(parseOptions(config['options']), undefined);
      return [
        generate(
          kind === 'ConfigMapGenerator' ? 'ConfigMap' : 'Secret',
          args,
          opts,
          this.loader,
          this.file,
        ),
      ];
    }
    throw unsupportedPlugin(config, this.file);
  }

  /** The configs of `generators`, `transformers` or `validators` entries (files or inline). */
  private pluginConfigs(field: string): JsonObject[] {
    const configs: JsonObject[] = [];
    for (const entry of stringList(this.raw, field, this.file)) {
      const inline = entry.includes('\n') ? parseYamlDocuments(entry, this.file) : undefined;
      const docs =
        inline ??
        (this.loader.isDirectory(entry)
          ? this.pluginDirectory(entry)
          : parseYamlDocuments(this.loader.load(entry), this.loader.absolute(entry)));
      for (const doc of docs) if (isJsonObject(doc)) configs.push(doc);
    }
    return configs;
  }

  private pluginDirectory(path: string): JsonValue[] {
    const child = new Target(this.loader.child(path), this.warnings);
    return child.accumulate(emptyAccumulator()).resmap.resources.map((r) => r.object);
  }

  private runTransformers(acc: Accumulator): void {
    const raw = this.raw;
    const config = acc.config;
    const resmap = acc.resmap;
    // patchesStrategicMerge
    for (const entry of stringList(raw, 'patchesStrategicMerge', this.file)) {
      const patch = this.patchFromEntry(entry);
      if (patch.type !== 'smp')
        throw new KustomizeError(
          `${this.file}: patchesStrategicMerge entry is not a strategic merge patch`,
        );
      for (const object of patch.objects) patchById(resmap, object, {});
    }
    // patches
    for (const entry of listField(raw, 'patches')) {
      if (!isJsonObject(entry)) continue;
      const { patch, target, options } = this.patchEntry(entry);
      applyPatchEntry(resmap, patch, target, options);
    }
    transformNamespace(resmap, scalarText(raw['namespace']), config.namespace);
    transformNameAffix(resmap, scalarText(raw['namePrefix']), 'prefix', config.namePrefix);
    transformNameAffix(resmap, scalarText(raw['nameSuffix']), 'suffix', config.nameSuffix);
    for (const label of listField(raw, 'labels')) {
      if (!isJsonObject(label)) continue;
      let fss = Array.isArray(label['fields']) ? label['fields'].map(parseFieldSpec) : [];
      if (label['includeSelectors'] === true) fss = mergeSpecs(fss, config.commonLabels);
      else {
        fss = mergeSpecs(fss, specs('metadata/labels * +'));
        if (label['includeTemplates'] === true) fss = mergeSpecs(fss, config.templateLabels);
      }
      transformMapEntries(resmap, stringMapField(label, 'pairs'), fss);
    }
    transformMapEntries(resmap, stringMapField(raw, 'commonLabels'), config.commonLabels);
    transformMapEntries(resmap, stringMapField(raw, 'commonAnnotations'), config.commonAnnotations);
    for (const entry of listField(raw, 'patchesJson6902')) {
      if (!isJsonObject(entry)) continue;
      const { patch, target } = this.patchEntry(entry);
      if (patch.type !== 'json')
        throw new KustomizeError(`${this.file}: patchesJson6902 entry is not a JSON patch`);
      applyPatchEntry(resmap, patch, target, {});
    }
    for (const entry of listField(raw, 'replicas')) {
      if (!isJsonObject(entry)) continue;
      const count = entry['count'];
      transformReplicas(
        resmap,
        scalarText(entry['name']),
        typeof count === 'number' ? count : Number(count),
        config.replicas,
      );
    }
    const rules = [...listField(raw, 'images'), ...listField(raw, 'imageTags')]
      .filter(isJsonObject)
      .map((entry) => ({
        name: scalarText(entry['name']),
        newName: scalarText(entry['newName']),
        newTag: scalarText(entry['newTag']),
        digest: scalarText(entry['digest']),
      }));
    transformImages(resmap, rules, config.images);
    applyReplacements(resmap, listField(raw, 'replacements'), this.loader);
    for (const plugin of this.pluginConfigs('transformers')) this.runTransformerPlugin(acc, plugin);
    for (const plugin of this.pluginConfigs('validators'))
      throw unsupportedPlugin(plugin, this.file);
  }

  private runTransformerPlugin(acc: Accumulator, plugin: JsonObject): void {
    const resmap = acc.resmap;
    const kind = plugin['kind'];
    if (plugin['apiVersion'] !== 'builtin') throw unsupportedPlugin(plugin, this.file);
    const pluginSpecs = Array.isArray(plugin['fieldSpecs'])
      ? plugin['fieldSpecs'].map(parseFieldSpec)
      : undefined;
    const metadata = isJsonObject(plugin['metadata']) ? plugin['metadata'] : {};
    switch (kind) {
      case 'NamespaceTransformer':
        transformNamespace(
          resmap,
          scalarText(metadata['namespace']),
          pluginSpecs ?? acc.config.namespace,
          {
            unsetOnly: plugin['unsetOnly'] === true,
            subjects:
              typeof plugin['setRoleBindingSubjects'] === 'string'
                ? plugin['setRoleBindingSubjects']
                : undefined,
          },
        );
        return;
      case 'PrefixTransformer':
      case 'SuffixTransformer':
      case 'PrefixSuffixTransformer':
        transformNameAffix(resmap, scalarText(plugin['prefix']), 'prefix', pluginSpecs ?? []);
        transformNameAffix(resmap, scalarText(plugin['suffix']), 'suffix', pluginSpecs ?? []);
        return;
      case 'LabelTransformer':
        transformMapEntries(resmap, stringMapField(plugin, 'labels'), pluginSpecs ?? []);
        return;
      case 'AnnotationsTransformer':
        transformMapEntries(resmap, stringMapField(plugin, 'annotations'), pluginSpecs ?? []);
        return;
      case 'ImageTagTransformer': {
        const tag = isJsonObject(plugin['imageTag']) ? plugin['imageTag'] : {};
        transformImages(
          resmap,
          [
            {
              name: scalarText(tag['name']),
              newName: scalarText(tag['newName']),
              newTag: scalarText(tag['newTag']),
              digest: scalarText(tag['digest']),
            },
          ],
          pluginSpecs ?? [],
        );
        return;
      }
      case 'ReplicaCountTransformer': {
        const replica = isJsonObject(plugin['replica']) ? plugin['replica'] : {};
        transformReplicas(
          resmap,
          scalarText(replica['name']),
          Number(replica['count']),
          pluginSpecs ?? [],
        );
        return;
      }
      case 'PatchTransformer':
      case 'PatchJson6902Transformer': {
        const { patch, target, options } = this.patchEntry({
          ...plugin,
          patch: plugin['patch'] ?? plugin['jsonOp'] ?? '',
        });
        applyPatchEntry(resmap, patch, target, options);
        return;
      }
      case 'PatchStrategicMergeTransformer': {
        const entries = [...listField(plugin, 'paths').map(scalarText)];
        if (typeof plugin['patches'] === 'string') entries.push(plugin['patches']);
        for (const entry of entries) {
          const patch = this.patchFromEntry(entry);
          if (patch.type === 'smp')
            for (const object of patch.objects) patchById(resmap, object, {});
        }
        return;
      }
      case 'ReplacementTransformer':
        applyReplacements(resmap, listField(plugin, 'replacements'), this.loader);
        return;
      default:
        throw unsupportedPlugin(plugin, this.file);
    }
  }

  /** A patchesStrategicMerge entry: a file, or the patch itself inline. */
  private patchFromEntry(entry: string): LoadedPatch {
    const looksInline =
      entry.includes('\n') || (/^\s*[a-zA-Z]+\s*:/.test(entry) && !this.fileExists(entry));
    if (looksInline) return loadPatch(entry, this.file);
    return loadPatch(this.loader.load(entry), this.loader.absolute(entry));
  }

  private fileExists(path: string): boolean {
    try {
      this.loader.load(path);
      return true;
    } catch {
      return false;
    }
  }

  private patchEntry(entry: JsonObject): {
    patch: LoadedPatch;
    target: ReturnType<typeof parseSelectorField>;
    options: { allowNameChange?: boolean; allowKindChange?: boolean };
  } {
    const inline = typeof entry['patch'] === 'string' ? entry['patch'].trim() : '';
    const path = typeof entry['path'] === 'string' ? entry['path'] : '';
    if (inline === '' && path === '')
      throw new KustomizeError(
        `${this.file}: must specify one of patch and path in a patches entry`,
      );
    if (inline !== '' && path !== '')
      throw new KustomizeError(`${this.file}: patch and path can't be set at the same time`);
    const patch =
      path !== ''
        ? loadPatch(this.loader.load(path), this.loader.absolute(path))
        : loadPatch(inline, this.file);
    const opts = isJsonObject(entry['options']) ? entry['options'] : {};
    return {
      patch,
      target: parseSelectorField(entry['target']),
      options: {
        allowNameChange: opts['allowNameChange'] === true,
        allowKindChange: opts['allowKindChange'] === true,
      },
    };
  }
}

function unsupportedPlugin(config: JsonObject, file: string): KustomizeError {
  return new KustomizeError(
    `${file}: plugin ${String(config['apiVersion'] ?? '')}/${String(config['kind'] ?? '')} is not supported by ktl kustomize (only kustomize's builtin plugins; exec and container KRM functions need --enable-alpha-plugins)`,
  );
}

/** resWrangler.appendReplaceOrMerge: how a generated object joins those already there. */
function absorb(resmap: ResMap, r: Resource): void {
  const matches = resmap.matchingAnyId(r.curId());
  if (matches.length === 0) {
    if (r.behavior === 'merge' || r.behavior === 'replace')
      throw new KustomizeError(
        `merging from generator: id ${resIdString(r.curId())} does not exist; cannot merge or replace`,
      );
    resmap.append(r);
    return;
  }
  if (matches.length > 1)
    throw new KustomizeError(
      `found multiple objects that could accept merge of ${resIdString(r.curId())}`,
    );
  const old = matches[0] as Resource;
  if (r.behavior === 'create')
    throw new KustomizeError(
      `id ${resIdString(r.curId())} exists; behavior must be merge or replace`,
    );
  if (r.behavior === 'merge') mergeDataFrom(r, old);
  r.setStringMap('labels', { ...old.labels(), ...r.labels() });
  r.setStringMap('annotations', { ...old.annotations(), ...r.annotations() });
  r.setName(old.name);
  r.setNamespace(old.namespace);
  r.previousIds = old.previousIds;
  r.prefixes = old.prefixes;
  r.suffixes = old.suffixes;
  r.needsHash = old.needsHash;
  r.behavior = old.behavior;
  resmap.replace(old, r);
}

/** Data maps of merged generators: the old ones with the new keys over them. */
export function mergeDataFrom(r: Resource, old: Resource): void {
  for (const field of ['data', 'binaryData']) {
    const a = old.object[field];
    const b = r.object[field];
    if (!isJsonObject(a) && !isJsonObject(b)) continue;
    r.object[field] = { ...(isJsonObject(a) ? a : {}), ...(isJsonObject(b) ? b : {}) };
  }
}

/** Documents of a resource file as resources (List kinds expanded, local-config kept for now). */
export function resourcesFromText(text: string, file: string): Resource[] {
  const queue: JsonValue[] = parseYamlDocuments(text, file);
  const result: Resource[] = [];
  while (queue.length > 0) {
    const doc = queue.shift() as JsonValue;
    if (!isJsonObject(doc))
      throw new KustomizeError(
        `${file}: a resource must be a YAML map, found ${JSON.stringify(doc)}`,
      );
    const kind = doc['kind'];
    if (typeof kind === 'string' && kind.endsWith('List') && 'items' in doc) {
      const items = doc['items'];
      if (items === null) continue;
      if (!Array.isArray(items))
        throw new KustomizeError(`${file}: expected array in ${kind}/items`);
      queue.push(...items);
      continue;
    }
    if (typeof kind !== 'string' || kind === '')
      throw new KustomizeError(`missing kind in object ${JSON.stringify(doc)} (${file})`);
    result.push(new Resource(doc, file));
  }
  return result;
}

/** Runs `work`, rewording a KustomizeError as kustomize wraps errors on the way up. */
function wrapError<T>(wrap: string | ((message: string) => string), work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof KustomizeError)) throw error;
    throw new KustomizeError(
      typeof wrap === 'string' ? `${wrap}: ${error.message}` : wrap(error.message),
    );
  }
}

/** Vars must have unique names across the whole tree. */
function checkVarNames(vars: readonly Var[]): void {
  const seen = new Set<string>();
  for (const v of vars) {
    if (seen.has(v.name)) throw new KustomizeError(`var '${v.name}' already encountered`);
    seen.add(v.name);
  }
}

/**
 * `crds:` files (LoadConfigFromCRDs): OpenAPI definitions keyed by Go type name whose
 * properties carry x-kubernetes-* markers for annotations, label selectors, identities (name
 * prefixes) and object references (name references).
 */
function crdConfig(docs: JsonValue[]): TransformerConfig {
  let config = emptyConfig();
  const map = docs[0];
  if (!isJsonObject(map)) return config;
  for (const [name, api] of Object.entries(map)) {
    const props = propertiesOf(api);
    if (!props || !('kind' in props) || !('apiVersion' in props) || !('metadata' in props))
      continue;
    const kind = name.split('.').pop() ?? name;
    const part = emptyConfig();
    loadCrdType(part, kind, map, name, [], 0);
    config = mergeConfig(config, part);
  }
  return config;
}

function propertiesOf(api: JsonValue | undefined): JsonObject | undefined {
  if (!isJsonObject(api) || !isJsonObject(api['Schema'])) return undefined;
  const props = api['Schema']['properties'];
  return isJsonObject(props) ? props : undefined;
}

function loadCrdType(
  config: TransformerConfig,
  kind: string,
  map: JsonObject,
  typeName: string,
  path: string[],
  depth: number,
): void {
  const props = propertiesOf(map[typeName]);
  if (!props || depth > 20) return;
  for (const [prop, property] of Object.entries(props)) {
    if (!isJsonObject(property)) continue;
    const at = [...path, prop];
    const spec = (p: string[]): FieldSpec => ({ gvk: { kind }, path: p.join('/'), create: false });
    if (typeof property['x-kubernetes-annotation'] === 'string')
      config.commonAnnotations.push(spec(at));
    if (typeof property['x-kubernetes-label-selector'] === 'string')
      config.commonLabels.push(spec(at));
    if (typeof property['x-kubernetes-identity'] === 'string') config.namePrefix.push(spec(at));
    const version = property['x-kubernetes-object-ref-api-version'];
    const refKind = property['x-kubernetes-object-ref-kind'];
    if (typeof version === 'string' && typeof refKind === 'string') {
      const nameKey = property['x-kubernetes-object-ref-name-key'];
      config.nameReference.push({
        target: { group: '', version, kind: refKind },
        referrers: [spec([...at, typeof nameKey === 'string' ? nameKey : 'name'])],
      });
    }
    if (typeof property['$ref'] === 'string')
      loadCrdType(config, kind, map, property['$ref'], at, depth + 1);
  }
}
