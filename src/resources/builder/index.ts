/**
 * The resource builder (cli-runtime's resource.Builder): what every verb imports to turn its
 * arguments into objects. Its context is the runtime's Factory.
 *
 * - Acting on existing objects (label, scale, patch, wait, rollout, describe, edit...):
 *   `selectInfos(factory, args, { filename, kustomize, recursive, selector, all, ... })` gives
 *   the fetched objects and the errors met (ContinueOnError); `infosInOrder` keeps kubectl's order.
 * - Reading manifests (apply, create, diff): `new ResourceBuilder(factory).filenameParam(options)
 *   .labelSelectorParam(l).readManifests()`, then `manifestInfos` maps and scopes them.
 * - Planning without reading (get, delete): `.plan()` returns a Selection (manifests, named
 *   infos or list requests); `visitSelection` or the verb's own fetch reads it.
 * - `resourceNames(type, names)` for commands whose bare names have a default type (debug: pods,
 *   cordon/drain: nodes).
 *
 * -f, -k and -R are one FilenameOptions; kubectl's argument errors are in arg-errors.ts and
 * nowhere else.
 */
export * from './arg-errors.js';
export type { BuilderContext, NamespaceChoice } from './context.js';
export type { FetchedInfo, InfoSource, Infos, ResourceInfo } from './info.js';
export { infosInOrder, withTypeMeta } from './info.js';
export type { FilenameOptions, InputStreams, ManifestInput } from './manifest-input.js';
export { filenameInputs, hasFilenames } from './manifest-input.js';
export type { ManifestInfo } from './manifest-infos.js';
export { applyNamespace, manifestInfos, metadataOf, sourceOf } from './manifest-infos.js';
export type { ListSelectors } from './list-error.js';
export { explainListError, listErrorFor } from './list-error.js';
export type { ResourceArgs } from './resource-args.js';
export { splitResourceArgs } from './resource-args.js';
export { labelMatcher } from './selector-filter.js';
export type { Selection, VisitSettings } from './selection.js';
export { visitSelection } from './selection.js';
export { DEFAULT_CHUNK_SIZE, ResourceBuilder } from './builder.js';
export type { ListRequest, ListSettings } from './visitors.js';
export type { SelectOptions } from './select.js';
export { selectInfos } from './select.js';
export { listSelected } from './visitors.js';
