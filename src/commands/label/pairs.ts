/**
 * The `key=value` / `key-` arguments of label and annotate (kubectl's GetResourcesAndPairs,
 * parseLabels and ParsePairs), with kubectl's error messages. The parsing lives in the
 * resources layer, shared with the dashboard's label and annotate prompts.
 */
export type { KeyUpdates } from '../../resources/actions/key-updates.js';
export {
  labelValueErrors,
  parseAnnotationUpdates,
  parseLabelUpdates,
} from '../../resources/actions/key-updates.js';
export { splitResourcesAndPairs } from '../../resources/resource-pairs.js';
