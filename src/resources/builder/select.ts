/**
 * The builder chain of the verbs that act on existing objects (label, annotate, patch, scale,
 * edit, wait, rollout, describe): kubectl's Unstructured().NamespaceParam().DefaultNamespace()
 * .FilenameParam().LabelSelectorParam().FieldSelectorParam().SelectAllParam()
 * .ResourceTypeOrNameArgs().ContinueOnError().Latest().Flatten().Do().Infos().
 */
import { DEFAULT_CHUNK_SIZE, ResourceBuilder } from './builder.js';
import type { BuilderContext } from './context.js';
import type { Infos } from './info.js';
import type { FilenameOptions } from './manifest-input.js';
import type { Selection } from './selection.js';

/** How objects are selected besides their names. */
export interface SelectOptions extends FilenameOptions {
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  /** Use -f objects as read, without asking the server (--local). */
  local?: boolean;
  /** Page size of lists (--chunk-size); kubectl's 500 when absent. */
  chunkSize?: number;
  /** kubectl's LocalParam: -f/-k objects as read, no server (label/annotate/wait --local). */
  localOnly?: boolean;
  /** --subresource: read each object's subresource instead. */
  subresource?: string;
  /**
   * Told what will be read once the arguments are mapped, before anything is read: describe
   * asks for the named objects' events then, alongside the objects.
   */
  onPlanned?: (selection: Selection) => void;
}

/** Resolves a verb's resource arguments to the objects on the server. */
export function selectInfos(
  context: BuilderContext,
  args: readonly string[],
  options: SelectOptions,
): Promise<Infos> {
  return new ResourceBuilder(context)
    .filenameParam(options)
    .labelSelectorParam(options.selector)
    .fieldSelectorParam(options.fieldSelector)
    .selectAllParam(options.all)
    .allNamespaces(options.allNamespaces)
    .resourceTypeOrNameArgs(args)
    .local(options.local)
    .subresource(options.subresource)
    .localParam(options.localOnly)
    .requestChunksOf(options.chunkSize ?? DEFAULT_CHUNK_SIZE)
    .infos(options.onPlanned);
}
