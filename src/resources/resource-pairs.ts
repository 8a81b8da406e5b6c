import { PlainError } from '../errors/errors.js';

/**
 * cmdutil.GetResourcesAndPairs: the resource arguments come first, then the `key=value` or
 * `key-` pairs of label, annotate, set image, set env...; a resource after a pair is refused.
 */
export function splitResourcesAndPairs(
  args: readonly string[],
  pairType: string,
): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of args) {
    const isPair =
      (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg !== '-');
    if (isPair) pairs.push(arg);
    else if (pairs.length > 0)
      throw new PlainError(`all resources must be specified before ${pairType} changes: ${arg}`);
    else resources.push(arg);
  }
  return { resources, pairs };
}
