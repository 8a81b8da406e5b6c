/**
 * The resource builder (cli-runtime's resource.Builder): the arguments of a verb (resource
 * arguments, -f/-k manifests, -l, --field-selector, --all, -A) in; a selection of infos out.
 * `plan()` checks and maps without touching objects; `infos()` then fetches them (or keeps
 * manifest objects as read with `local()`), going on past a failure for one object.
 */
import type { ResourceMapping } from '../../discovery/index.js';
import { MultipleErrors } from '../../errors/errors.js';
import {
  allWithSelector,
  argsWithFilenames,
  filenamesWithKustomize,
  kustomizeWithRecursive,
  namesAcrossNamespaces,
  namesWithSelector,
  noNameSpecified,
  NoResourcesError,
  subresourceWithBulk,
  tuplesWithFilenames,
} from './arg-errors.js';
import type { BuilderContext } from './context.js';
import type { Infos, ResourceInfo } from './info.js';
import type { FilenameOptions, ManifestInput } from './manifest-input.js';
import { filenameInputs } from './manifest-input.js';
import type { ManifestInfo } from './manifest-infos.js';
import { manifestInfos, metadataOf, offlineManifestInfos } from './manifest-infos.js';
import type { ManifestObject } from '../manifest/manifest-types.js';
import { labelMatcher } from './selector-filter.js';
import { splitResourceArgs } from './resource-args.js';
import type { Selection } from './selection.js';
import { visitSelection } from './selection.js';

/** kubectl's default --chunk-size. */
export const DEFAULT_CHUNK_SIZE = 500;

/** Builds a selection from a verb's arguments; every setter returns the builder. */
export class ResourceBuilder {
  private readonly context: BuilderContext;
  private args: readonly string[] = [];
  private readonly inputs: ManifestInput[] = [];
  private recursive = false;
  private labelSelector = '';
  private fieldSelector = '';
  private selectAll = false;
  private allowEmptySelector = false;
  private everyNamespace = false;
  private chunkSize = DEFAULT_CHUNK_SIZE;
  private keepManifests = false;
  private offline = false;
  private subresourceName = '';

  constructor(context: BuilderContext) {
    this.context = context;
  }

  /** -f (files, directories, globs, URLs, `-`), -R and -k DIR. */
  filenameParam(options: FilenameOptions): this {
    this.recursive = options.recursive === true;
    this.inputs.push(...filenameInputs(options));
    return this;
  }

  /** Another manifest source. */
  manifestInput(input: ManifestInput): this {
    this.inputs.push(input);
    return this;
  }

  /**
   * `TYPE[,TYPE] [NAME...]` or `TYPE/NAME...`. With allowEmptySelector a bare type means every
   * object of it (get, describe); otherwise it needs -l, --field-selector or --all.
   */
  resourceTypeOrNameArgs(args: readonly string[], allowEmptySelector = false): this {
    this.args = args;
    this.allowEmptySelector = allowEmptySelector;
    return this;
  }

  /**
   * kubectl's ResourceNames(type, names...): each `NAME` of the default type, or `TYPE/NAME`
   * (debug's pods and node/NAME).
   */
  resourceNames(defaultType: string, names: readonly string[]): this {
    return this.resourceTypeOrNameArgs(
      names.map((name) => (name.includes('/') ? name : `${defaultType}/${name}`)),
    );
  }

  /** -l. */
  labelSelectorParam(selector: string | undefined): this {
    this.labelSelector = selector ?? '';
    return this;
  }

  /** --field-selector. */
  fieldSelectorParam(selector: string | undefined): this {
    this.fieldSelector = selector ?? '';
    return this;
  }

  /** --all: every object of the types (it conflicts with -l). */
  selectAllParam(all: boolean | undefined): this {
    this.selectAll = all === true;
    return this;
  }

  /** -A: lists span every namespace. */
  allNamespaces(all: boolean | undefined): this {
    this.everyNamespace = all === true;
    return this;
  }

  /** --chunk-size (0 = one request per list). */
  requestChunksOf(size: number): this {
    this.chunkSize = size;
    return this;
  }

  /** Manifest objects are used as read, not fetched (--local, or patch's missing Latest()). */
  local(keep: boolean | undefined): this {
    this.keepManifests = keep === true;
    return this;
  }

  /** --subresource: named objects are read at (and written to) NAME/SUBRESOURCE. */
  subresource(name: string | undefined): this {
    this.subresourceName = name ?? '';
    return this;
  }

  /**
   * kubectl's LocalParam (label, annotate, wait --local): only -f/-k objects, as read, never
   * mapped or fetched through the server; resource arguments and selectors are ignored.
   */
  localParam(local: boolean | undefined): this {
    this.offline = local === true;
    if (this.offline) this.keepManifests = true;
    return this;
  }

  /** The selectors, for messages and list requests. */
  selectors(): { selector: string; fieldSelector: string } {
    return { selector: this.labelSelector, fieldSelector: this.fieldSelector };
  }

  /** Checks the arguments and maps them, in the order kubectl's builder reports problems. */
  async plan(): Promise<Selection> {
    this.checkInputs();
    if (this.offline) return this.planOffline();
    if (this.selectAll && this.labelSelector) throw allWithSelector();
    if (this.inputs.length > 0) return this.planManifests();
    if (this.args.length === 0) throw new NoResourcesError();
    const mapper = await this.context.restMapper();
    const scope = await this.scope();
    const args = splitResourceArgs(this.args);
    if (this.everyNamespace && (args.form === 'typeNames' || args.names.length > 0))
      throw namesAcrossNamespaces();
    if (args.form === 'typeNames') {
      const infos: ResourceInfo[] = [];
      for (const { type, name } of args.pairs) {
        const mapping = await mapper.mappingFor(type);
        infos.push({ mapping, name, namespace: scope(mapping), ...this.subresourceField() });
      }
      return { kind: 'named', infos, args };
    }
    const mappings = await mapper.resolveTypes(args.types);
    if (args.names.length > 0) {
      if (this.labelSelector || this.fieldSelector) throw namesWithSelector();
      const infos = mappings.flatMap((mapping) =>
        args.names.map((name) => ({
          mapping,
          name,
          namespace: scope(mapping),
          ...this.subresourceField(),
        })),
      );
      return { kind: 'named', infos, args };
    }
    if (!this.labelSelector && !this.fieldSelector && !this.selectAll && !this.allowEmptySelector)
      throw noNameSpecified();
    if (this.subresourceName) throw subresourceWithBulk();
    const requests = mappings.map((mapping) => ({
      mapping,
      namespace: this.everyNamespace ? '' : scope(mapping),
    }));
    return { kind: 'selected', requests };
  }

  /**
   * Reads every manifest input in order, keeping the objects -l matches: the verbs that use
   * the objects as read (apply, create, diff, delete) filter them (kubectl's
   * FilterByLabelSelector over paths).
   */
  async readManifests(): Promise<ManifestObject[]> {
    const manifests = await this.readInputs();
    if (this.labelSelector === '') return manifests;
    const matches = labelMatcher(this.labelSelector);
    return manifests.filter((m) => matches(labelsOf(m.object)));
  }

  private async readInputs(): Promise<ManifestObject[]> {
    this.checkInputs();
    const manifests: ManifestObject[] = [];
    for (const input of this.inputs) manifests.push(...(await input.read(this.context.streams)));
    return manifests;
  }

  /**
   * kubectl's FilenameOptions.validate, reported before anything else (the builder's first
   * errors): both problems together print as kubectl's aggregate, one line each.
   */
  private checkInputs(): void {
    const problems: Error[] = [];
    const flags = new Set(this.inputs.map((input) => input.flag));
    if (flags.has('-f') && flags.has('-k')) problems.push(filenamesWithKustomize());
    if (flags.has('-k') && this.recursive) problems.push(kustomizeWithRecursive());
    const [only] = problems;
    if (only && problems.length === 1) throw only;
    if (problems.length > 1) throw new MultipleErrors(problems);
  }

  /** Reads and maps the manifests, keeping unmapped kinds with their error (apply, diff, create). */
  async manifestInfos(): Promise<ManifestInfo[]> {
    return manifestInfos(this.context, await this.readManifests());
  }

  /** Plans, then reads every object (kubectl's Do().Infos() with ContinueOnError). */
  async infos(onPlanned?: (selection: Selection) => void): Promise<Infos> {
    const selection = await this.plan();
    onPlanned?.(selection);
    return visitSelection(this.context, selection, {
      ...this.selectors(),
      chunkSize: this.chunkSize,
      local: this.keepManifests,
    });
  }

  private async planManifests(): Promise<Selection> {
    if (this.args.length > 0)
      throw splitResourceArgs(this.args).form === 'typeNames'
        ? tuplesWithFilenames()
        : argsWithFilenames();
    if (this.labelSelector !== '') labelMatcher(this.labelSelector); // kubectl checks -l first
    // Objects fetched from the server are filtered by -l after the fetch (visitManifests).
    const read = this.keepManifests ? await this.readManifests() : await this.readInputs();
    const entries = await manifestInfos(this.context, read);
    for (const entry of entries)
      if (!entry.mapping) throw entry.mappingError ?? new Error('no mapping');
    return { kind: 'manifests', entries, ...this.subresourceField() };
  }

  /** Local(): the -f/-k objects as read; no resources given means kubectl's NoResources. */
  private async planOffline(): Promise<Selection> {
    if (this.inputs.length === 0) throw new NoResourcesError();
    const entries = await offlineManifestInfos(this.context, await this.readInputs());
    return { kind: 'manifests', entries, offline: true };
  }

  private subresourceField(): { subresource?: string } {
    return this.subresourceName ? { subresource: this.subresourceName } : {};
  }

  private async scope(): Promise<(mapping: ResourceMapping) => string> {
    const { namespace } = await this.context.namespace();
    return (mapping) => (mapping.namespaced ? namespace : '');
  }
}

function labelsOf(object: ManifestObject['object']): Record<string, string> {
  return (metadataOf(object)['labels'] ?? {}) as Record<string, string>;
}
