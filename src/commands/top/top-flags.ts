/** What `top node` and `top pod` check before they ask the server for anything. */
import { PlainError, UsageError } from '../../errors/errors.js';
import { checkFieldSelector } from '../../resources/field-selector.js';
import { parseSelector } from '../../resources/label-requirements.js';
import type { SortBy } from './metrics-printer.js';

/** --sort-by: empty, cpu or memory. */
export function sortByFlag(value: string | undefined): SortBy {
  const sortBy = value ?? '';
  if (sortBy === '' || sortBy === 'cpu' || sortBy === 'memory') return sortBy;
  throw new PlainError('--sort-by accepts only cpu or memory');
}

/** At most one NAME argument; more is cobra's usage error naming the command's use line. */
export function nameArgument(args: readonly string[], use: string, commandPath: string): string {
  if (args.length > 1) throw new UsageError(use, commandPath);
  return args[0] ?? '';
}

/** labels.Parse and fields.ParseSelector run on the client, as kubectl's top does. */
export function checkSelectors(labelSelector: string, fieldSelector = ''): void {
  try {
    if (labelSelector) parseSelector(labelSelector);
    if (fieldSelector) checkFieldSelector(fieldSelector);
  } catch (error) {
    throw new PlainError((error as Error).message);
  }
}
