import { humanDuration } from '../../printers/human-duration.js';
import type { InformerState } from '../../resources/informer.js';

/** The connection state as the header shows it, and its colour. */
export function connectionText(
  state: InformerState | undefined,
  fatal: unknown,
  now: number,
): { text: string; colour: string } {
  if (fatal !== undefined) return { text: `error: ${errorText(fatal)}`, colour: 'red' };
  if (!state) return { text: 'connecting…', colour: 'yellow' };
  switch (state.phase) {
    case 'listing':
      return { text: 'listing…', colour: 'yellow' };
    case 'synced':
      return { text: 'synced', colour: 'green' };
    case 'stopped':
      return { text: 'stopped', colour: 'gray' };
    case 'reconnecting': {
      const since = state.staleSince;
      const stale = since
        ? ` · stale since ${clockTime(since)} (${humanDuration(now - since.getTime())})`
        : '';
      const why = state.lastError ? ` · ${state.lastError}` : '';
      return { text: `reconnecting${stale}${why}`, colour: 'red' };
    }
  }
}

function clockTime(date: Date): string {
  return date.toTimeString().slice(0, 8);
}

/** An error as one line of text. */
export function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
