import { PlainError } from '../../errors/errors.js';
import type { GetOptions } from './get-options.js';
import type { Factory } from '../factory.js';
import type { GetPlan } from './run-get.js';

/** `get -w` (being written). */
export async function runWatch(
  _factory: Factory,
  plan: GetPlan,
  _options: GetOptions,
): Promise<void> {
  await Promise.resolve();
  if (plan.requests.length !== 1)
    throw new PlainError('you may only specify a single resource type');
  throw new PlainError('watch is not implemented yet');
}
