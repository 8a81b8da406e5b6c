import {
  chmodSync,
  closeSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';

/**
 * Replaces a file's contents atomically: a temporary file beside it is written, synced and
 * renamed over it, so a reader sees the old or the new file, never half of one. The existing
 * file's permissions are kept (a symlink is followed); a new file gets `newFileMode`.
 */
export function writeFileAtomic(path: string, data: string | Buffer, newFileMode = 0o600): void {
  let target = path;
  let mode = newFileMode;
  try {
    target = realpathSync(path);
    mode = statSync(target).mode & 0o7777;
  } catch {
    // a new file
  }
  const temp = `${target}.ktl-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', mode);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  try {
    chmodSync(temp, mode);
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // nothing left to clean up
    }
    throw error;
  }
}
