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

/**
 * A lock written by a ktl process that has died is stale; kubectl's empty locks never are.
 * Removing it is a read-check-unlink, and two processes doing that at once could each unlink
 * what the other had just created in its place (both then wrote: lost edits). So the removal
 * runs under a second O_EXCL file, `<lock>.takeover`, held for microseconds: under it the lock
 * is read again and unlinked only if it is still the dead owner's. Only the takeover holder
 * can remove a stale lock, so no live lock can replace it between the check and the unlink.
 */
function removeIfStale(lockPath: string): boolean {
  const owner = deadOwner(lockPath);
  if (owner === undefined) return false;
  const guardPath = `${lockPath}.takeover`;
  if (!tryCreate(guardPath)) {
    // A guard whose holder died (it crashed within those microseconds) is cleared the same way.
    if (deadOwner(guardPath) !== undefined) unlinkQuietly(guardPath);
    return false;
  }
  try {
    if (deadOwner(lockPath) !== owner) return false;
    unlinkQuietly(lockPath);
    return true;
  } finally {
    unlinkQuietly(guardPath);
  }
}

/** The pid written in a ktl lock whose process no longer exists, else undefined. */
function deadOwner(path: string): number | undefined {
  let owner: number;
  try {
    const match = /^ktl (\d+)\n$/.exec(readFileSync(path, 'utf8'));
    if (!match) return undefined;
    owner = Number(match[1]);
  } catch {
    return undefined;
  }
  return owner === process.pid || processAlive(owner) ? undefined : owner;
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
