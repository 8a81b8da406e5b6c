import { PlainError, SilentExit } from '../../errors/errors.js';
import type { Factory } from '../factory.js';

/**
 * Ends a verb that went on past failures as kubectl's CheckErr does: one error is thrown for
 * the usual formatting; several are printed one per line with no `error:` prefix.
 */
export function failWithErrors(factory: Factory, errors: readonly Error[]): void {
  const lines = errors.flatMap((e) =>
    'lines' in e && Array.isArray(e.lines) ? (e.lines as string[]) : [e.message],
  );
  if (errors.length === 0) return;
  if (lines.length === 1) {
    const only = errors[0] as Error;
    throw only;
  }
  for (const error of errors) {
    if ('lines' in error && Array.isArray(error.lines))
      for (const line of error.lines as string[]) factory.streams.err.write(`${line}\n`);
    else factory.streams.err.write(`${error.message}\n`);
  }
  throw new SilentExit(1);
}

/** An error whose line, among several, still reads `error: …` (kubectl writes that into the message). */
export class PrefixedError extends PlainError {
  readonly lines: string[];
  constructor(message: string) {
    super(message);
    this.lines = [`error: ${message}`];
  }
}
