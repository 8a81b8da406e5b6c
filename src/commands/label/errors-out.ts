import { ApiStatusError, SilentExit } from '../../errors/errors.js';
import type { Factory } from '../../runtime/factory.js';

/**
 * Ends a verb that went on past failures as kubectl's CheckErr does: one error is thrown for
 * the usual formatting; several are printed one per line with no `error:` prefix.
 */
export function failWithErrors(factory: Factory, errors: readonly Error[]): void {
  const lines = errors.flatMap(linesOf);
  if (errors.length === 0) return;
  if (lines.length === 1) {
    const only = errors[0] as Error;
    throw only;
  }
  for (const line of lines) factory.streams.err.write(`${line}\n`);
  throw new SilentExit(1);
}

/** kubectl's messageForError: an API failure reads `Error from server (Reason): …`, others as is. */
function linesOf(error: Error): string[] {
  if ('lines' in error && Array.isArray(error.lines)) return error.lines as string[];
  if (!(error instanceof ApiStatusError)) return [error.message];
  if (error.reason === 'Unauthorized' || (error.reason === '' && error.httpCode === 401))
    return [`error: You must be logged in to the server (${error.message})`];
  if (error.reason === '') return [`Error from server: ${error.message}`];
  return [`Error from server (${error.reason}): ${error.message}`];
}
