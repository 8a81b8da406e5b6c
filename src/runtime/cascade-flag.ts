import { PlainError } from '../errors/errors.js';

/** The propagation a --cascade value asks for. */
export type Cascade = 'background' | 'foreground' | 'orphan';

/** --cascade as kubectl reads it: unset/true → background, false → orphan, else the name. */
export function cascadeFromFlag(flag: string | boolean | undefined): Cascade {
  const cascade =
    flag === undefined || flag === true || flag === 'true'
      ? 'background'
      : flag === 'false'
        ? 'orphan'
        : flag;
  if (cascade !== 'background' && cascade !== 'foreground' && cascade !== 'orphan')
    throw new PlainError(
      `invalid cascade value (${String(flag)}). Must be "background", "foreground", or "orphan"`,
    );
  return cascade;
}
