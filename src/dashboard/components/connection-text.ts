import { humanDuration } from '../../printers/human-duration.js';
import type { InformerState } from '../../resources/informer.js';
import type { ConnectionHealth } from '../model/informer-pool.js';

/** The connection state as the header shows it, and its colour. */
export function connectionText(
  state: InformerState | undefined,
  fatal: unknown,
  now: number,
  health?: Pick<ConnectionHealth, 'everSynced' | 'staleSince'>,
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
      const why = state.lastError ? ` · ${state.lastError}` : '';
      if (state.lists === 0 && !health?.everSynced)
        return { text: `cannot connect · retrying${why}`, colour: 'red' };
      const since = health?.staleSince ?? state.staleSince;
      const stale = since
        ? ` · stale since ${clockTime(since)} (${humanDuration(now - since.getTime())})`
        : '';
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
