import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { PlainError } from '../errors/errors.js';

/** How long to wait for another writer before giving up, in ms. */
const LOCK_WAIT_MS = 10_000;

/**
 * Runs `fn` holding `<path>.lock`, created O_EXCL as kubectl does. Unlike kubectl, a busy lock
 * is waited for (another ktl or kubectl is writing), and a lock left by a ktl process that no
 * longer exists is removed. A lock that stays busy gives kubectl's error.
 */
export async function withFileLock<T>(path: string, fn: () => Promise<T> | T): Promise<T> {
  const lockPath = `${path}.lock`;
  mkdirSync(dirname(lockPath), { recursive: true, mode: 0o755 });
  const deadline = Date.now() + LOCK_WAIT_MS;
  let delay = 5;
  for (;;) {
    if (tryCreate(lockPath)) break;
    if (removeIfStale(lockPath)) continue;
    if (Date.now() > deadline) throw new PlainError(`open ${lockPath}: file exists`);
    await new Promise((resolve) => setTimeout(resolve, delay + Math.random() * delay));
    delay = Math.min(delay * 2, 100);
  }
  try {
    return await fn();
  } finally {
    try {
      unlinkSync(lockPath);
    } catch {
      // already gone: nothing to release
    }
  }
}

function tryCreate(lockPath: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new PlainError(`open ${lockPath}: ${(error as Error).message}`);
  }
  try {
    writeSync(fd, `ktl ${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** A lock written by a ktl process that has died is stale; kubectl's empty locks never are. */
function removeIfStale(lockPath: string): boolean {
  let owner: number;
  try {
    const match = /^ktl (\d+)\n$/.exec(readFileSync(lockPath, 'utf8'));
    if (!match) return false;
    owner = Number(match[1]);
  } catch {
    return false;
  }
  if (owner === process.pid || processAlive(owner)) return false;
  try {
    unlinkSync(lockPath);
  } catch {
    // someone else removed it first
  }
  return true;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
