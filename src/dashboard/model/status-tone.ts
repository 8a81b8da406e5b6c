import type { RowTone } from './types.js';

const GOOD = new Set(['Running', 'Ready', 'Active', 'Bound', 'Available', 'True', 'Complete']);
const DONE = new Set(['Completed', 'Succeeded']);
const WAITING = new Set([
  'Pending',
  'ContainerCreating',
  'PodInitializing',
  'Terminating',
  'Unknown',
  'SchedulingDisabled',
  'Released',
]);
const BAD = /(Error|BackOff|Failed|Invalid|OOMKilled|Evicted|NotReady|Lost|^False$)/;

/** The tone of a status word: green running, yellow waiting, red failing, dim done. */
export function toneOfStatus(status: string): RowTone {
  if (status === '') return 'normal';
  if (GOOD.has(status)) return 'good';
  if (DONE.has(status)) return 'done';
  if (BAD.test(status)) return 'bad';
  if (WAITING.has(status) || status.startsWith('Init:')) return 'waiting';
  return 'normal';
}

/** A READY cell like "1/3" that is not complete makes a running row yellow. */
export function readyIncomplete(ready: string): boolean {
  const match = /^(\d+)\/(\d+)$/.exec(ready);
  return match !== null && match[1] !== match[2];
}

/** The tone of a row from its STATUS and READY cells (either may be absent). */
export function toneOfRow(status: string | undefined, ready: string | undefined): RowTone {
  const tone = toneOfStatus(status ?? '');
  if (tone === 'bad' || tone === 'done' || tone === 'waiting') return tone;
  if (ready !== undefined && readyIncomplete(ready)) return 'waiting';
  return tone;
}
