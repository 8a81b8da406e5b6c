import { PlainError } from '../errors/errors.js';

/** The propagation a --cascade value asks for. */
export type Cascade = 'background' | 'foreground' | 'orphan';

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/**
 * --cascade as kubectl's parseCascadingFlag reads it: unset → background, a Go bool → background
 * or orphan (with kubectl's deprecation warning when `warn` is given), else the name.
 */
export function cascadeFromFlag(
  flag: string | boolean | undefined,
  warn?: (line: string) => void,
): Cascade {
  if (flag === undefined || flag === true) return 'background';
  const text = flag === false ? 'false' : flag;
  if (text === 'background' || text === 'foreground' || text === 'orphan') return text;
  const replacement = TRUE.has(text) ? 'background' : FALSE.has(text) ? 'orphan' : undefined;
  if (replacement === undefined)
    throw new PlainError(
      `invalid cascade value (${text}). Must be "background", "foreground", or "orphan"`,
    );
  warn?.(
    `warning: --cascade=${text} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.\n`,
  );
  return replacement;
}

/** The DeleteOptions propagationPolicy of a cascade strategy. */
export function propagationPolicy(cascade: Cascade): 'Background' | 'Foreground' | 'Orphan' {
  if (cascade === 'foreground') return 'Foreground';
  return cascade === 'orphan' ? 'Orphan' : 'Background';
}
