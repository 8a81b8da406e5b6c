/** Optional colour for human output (kubectl has none; ktl adds it only on terminals). */

const RESET = '\u001b[0m';
const GREEN = '\u001b[32m';
const YELLOW = '\u001b[33m';
const RED = '\u001b[31m';
const DIM = '\u001b[2m';
const BOLD = '\u001b[1m';

const GOOD = new Set(['Running', 'Ready', 'Active', 'Bound', 'Available', 'True']);
const WAITING = new Set([
  'Pending',
  'ContainerCreating',
  'PodInitializing',
  'Terminating',
  'Unknown',
  'SchedulingDisabled',
]);
const BAD = new Set([
  'Failed',
  'Error',
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'OOMKilled',
  'Evicted',
  'NotReady',
  'Lost',
  'False',
]);
const DONE = new Set(['Completed', 'Succeeded']);

function statusColour(value: string): string | undefined {
  if (GOOD.has(value)) return GREEN;
  if (DONE.has(value)) return DIM;
  if (BAD.has(value) || value.startsWith('Init:Error') || value.startsWith('Init:CrashLoop'))
    return RED;
  if (WAITING.has(value) || value.startsWith('Init:')) return YELLOW;
  if (value.includes('NotReady')) return RED;
  return undefined;
}

/** A STATUS cell wrapped in its colour: green running, yellow waiting, red failing, dim done. */
export function colourStatus(value: string): string {
  const colour = statusColour(value);
  return colour === undefined ? value : `${colour}${value}${RESET}`;
}

/** A bold header cell. */
export function boldHeader(value: string): string {
  return value === '' ? value : `${BOLD}${value}${RESET}`;
}

/** Whether a column holds statuses worth colouring. */
export function isStatusColumn(name: string): boolean {
  return name.toUpperCase() === 'STATUS';
}
