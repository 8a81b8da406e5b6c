import type { Factory } from '../factory.js';
import type { ApplyOptions } from './apply-options.js';
import type { PlannedObject } from './manifest-objects.js';

/** `--prune`: not implemented yet. */
export async function runPrune(
  _factory: Factory,
  _options: ApplyOptions,
  _planned: PlannedObject[],
): Promise<void> {
  return;
}
