import { PlainError } from '../../errors/errors.js';
import type { OutputStream } from '../../util/io-streams.js';
import type { ApplyOptions } from './apply-options.js';

/** kubectl's --dry-run value (GetDryRunStrategy); a bare flag means client (deprecated). */
export function parseDryRun(
  value: string | boolean | undefined,
  err: OutputStream,
): ApplyOptions['dryRun'] {
  if (value === undefined || value === false || value === '' || value === 'none') return 'none';
  if (value === true || value === 'unchanged') {
    err.write('W0000 --dry-run is deprecated and can be replaced with --dry-run=client.\n');
    return 'client';
  }
  if (value === 'client' || value === 'server') return value;
  if (value === 'true' || value === 'false') {
    err.write(
      `W0000 Boolean values for --dry-run are deprecated and will be removed in a future release. Use --dry-run=${value === 'true' ? 'client' : 'none'} instead.\n`,
    );
    return value === 'true' ? 'client' : 'none';
  }
  throw new PlainError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

/** kubectl's --validate value (GetValidationDirective). */
export function parseValidate(value: string | boolean | undefined): ApplyOptions['validate'] {
  const text =
    value === undefined || value === true
      ? 'strict'
      : value === false
        ? 'false'
        : value.toLowerCase();
  if (text === 'strict' || text === 'true') return 'strict';
  if (text === 'warn') return 'warn';
  if (text === 'ignore' || text === 'false') return 'ignore';
  throw new PlainError(
    `invalid - validate option "${String(value)}"; must be one of: strict (or true), warn, ignore (or false)`,
  );
}
