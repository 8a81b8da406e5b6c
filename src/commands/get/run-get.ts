import { PlainError } from '../../errors/errors.js';
import type { Factory } from '../factory.js';

/** `ktl get TYPE ...` (being written: issue 5). */
export async function runGet(_factory: Factory, _args: string[], _opts: object): Promise<void> {
  throw new PlainError('get: resource listing is not implemented yet');
}
