/**
 * How the edit verbs print each saved object: kubectl's EditOptions.ToPrinter makes a new
 * printer for every object (so -o yaml writes no `---` between them) and only when printing
 * (so a bad template fails after the object was saved).
 */
import type { ResourceMapping } from '../../discovery/index.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { OutputStream } from '../../util/io-streams.js';
import { ResultPrinter } from '../result-printer.js';
import type { PrintFlagValues } from '../template-output.js';

/** Prints one saved object with a verb (edited, skipped, created). */
export type EditPrinter = (
  mapping: ResourceMapping,
  object: KubeObject,
  verb: string,
) => Promise<void>;

/** A printer of the print flags that starts afresh for every object. */
export function editPrinter(out: OutputStream, flags: PrintFlagValues): EditPrinter {
  return (mapping, object, verb) =>
    new ResultPrinter(out, flags, 'none', true).print(mapping, object, verb);
}
