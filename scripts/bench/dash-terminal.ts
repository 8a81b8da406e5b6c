/**
 * `ktl dash` (or any full-screen program) in a pseudo-terminal the bench holds both ends of:
 * util-linux `script` allocates the pty and relays our pipe to it and its output back, each
 * write as it happens (-f). The bench then sees every byte the dashboard writes, with the time
 * it arrived, and can write keys at exact times: no polling of a tmux pane.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Waiter {
  pattern: RegExp;
  /** Output before this position has been searched already (less OVERLAP). */
  from: number;
  resolve: (at: number) => void;
}

/** How much output is kept (a frame of a 160×50 screen is ~10 KB). */
const KEEP_CHARS = 1 << 20;
/** How much searched output is searched again, for a match cut in two by a chunk boundary. */
const OVERLAP = 4096;

export class DashTerminal {
  readonly startedAt: number;
  private readonly child: ChildProcessWithoutNullStreams;
  /** Output not yet dropped; `dropped` characters came before it. */
  private text = '';
  private dropped = 0;
  private waiters: Waiter[] = [];
  readonly exited: Promise<number>;

  /** Starts `command` (a shell command line) on a `columns`×`rows` terminal. */
  constructor(
    command: string,
    env: NodeJS.ProcessEnv,
    private readonly dir: string,
    columns = 160,
    rows = 50,
  ) {
    this.startedAt = performance.now();
    this.child = spawn(
      'script',
      [
        '-qfec',
        `stty rows ${rows} cols ${columns}; echo $$ > ${join(dir, 'pid')}; exec ${command}`,
        '/dev/null',
      ],
      { env, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => this.onData(chunk));
    this.child.stderr.resume();
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code ?? -1)));
  }

  /** The program's pid (the shell `script` runs execs it). */
  pid(): number {
    return Number(readFileSync(join(this.dir, 'pid'), 'utf8'));
  }

  /** Where the output ends now: a later `waitFor` from here sees only what comes after. */
  get position(): number {
    return this.dropped + this.text.length;
  }

  /**
   * Resolves with the time (performance.now()) at which output written after `from` first
   * matched `pattern`, or undefined after `timeoutMs`.
   */
  waitFor(pattern: RegExp, from: number, timeoutMs: number): Promise<number | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(undefined);
      }, timeoutMs);
      const waiter: Waiter = {
        pattern,
        from,
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      };
      this.waiters.push(waiter);
      this.check(performance.now());
    });
  }

  /** Writes input (keys) to the terminal; returns the time it was handed to the pty relay. */
  write(keys: string): number {
    this.child.stdin.write(keys);
    return performance.now();
  }

  /** Ends the program: `q`, then SIGTERM if it is still there after `graceMs`. */
  async close(graceMs = 5000): Promise<void> {
    this.write('q');
    const timer = setTimeout(() => this.child.kill('SIGTERM'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  private onData(chunk: string): void {
    const at = performance.now();
    this.text += chunk;
    if (this.text.length > KEEP_CHARS) {
      const cut = this.text.length - KEEP_CHARS / 2;
      this.text = this.text.slice(cut);
      this.dropped += cut;
    }
    this.check(at);
  }

  private check(at: number): void {
    if (this.waiters.length === 0) return;
    const done: Waiter[] = [];
    // Each waiter searches only what came since its last search: searching everything since it
    // started on each chunk made the bench fall behind the dashboard's output (and its writes
    // to the terminal block until read).
    for (const waiter of this.waiters) {
      const start = Math.max(0, waiter.from - this.dropped);
      if (waiter.pattern.test(this.text.slice(start))) done.push(waiter);
      else waiter.from = Math.max(waiter.from, this.position - OVERLAP);
    }
    if (done.length === 0) return;
    this.waiters = this.waiters.filter((w) => !done.includes(w));
    for (const waiter of done) waiter.resolve(at);
  }
}
