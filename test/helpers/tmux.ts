/** Drives an interactive shell or program in a real terminal (tmux) as a person would. */
import { execFileSync } from 'node:child_process';
import { repoRoot } from './cluster.js';

/**
 * Runs a tmux command on the server named socket. Each session gets its own server: on a shared
 * one, killing the last session makes the server exit while another test's new-session may be
 * connecting to it, which fails with "server exited unexpectedly".
 */
export function tmux(socket: string, args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', cwd: repoRoot });
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** One tmux session running a command in a fixed-size window. */
export class TmuxSession {
  readonly name: string;
  constructor(command: string, env: Record<string, string>, width = 160, height = 40) {
    this.name = `ktl-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    // The environment goes on the command line: tmux -e does not reach the first window's
    // command on every tmux version.
    const assignments = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`);
    const size = ['-x', String(width), '-y', String(height)];
    tmux(this.name, [
      'new-session',
      '-d',
      '-s',
      this.name,
      ...size,
      `env ${assignments.join(' ')} ${command}`,
    ]);
  }

  /** Types keys (tmux key names such as Tab, Enter, C-c are allowed). */
  send(...keys: string[]): void {
    tmux(this.name, ['send-keys', '-t', this.name, ...keys]);
  }

  /** Types text literally. */
  type(text: string): void {
    tmux(this.name, ['send-keys', '-t', this.name, '-l', text]);
  }

  /** The visible screen as text. */
  capture(): string {
    return tmux(this.name, ['capture-pane', '-p', '-t', this.name]);
  }

  /** Waits until the screen satisfies a predicate; returns the screen (throws with it on timeout). */
  async waitFor(predicate: (screen: string) => boolean, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    while (Date.now() < deadline) {
      screen = this.capture();
      if (predicate(screen)) return screen;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for the screen; it shows:\n${screen}`);
  }

  kill(): void {
    try {
      tmux(this.name, ['kill-server']);
    } catch {
      // already gone
    }
  }
}
