/**
 * A real terminal for the dashboard's integration tests: a tmux session running bin/ktl against
 * the local cluster, with keys sent and the screen read back (capture-pane).
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tmux } from '../helpers/tmux.js';
import { adminKubeconfig, isolatedHome, repoRoot, testNamespace } from '../helpers/cluster.js';

let counter = 0;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** One tmux session running one ktl command. */
export class Terminal {
  readonly name = `ktl-dash-${process.pid}-${counter++}`;
  private readonly dir = mkdtempSync(join(tmpdir(), 'ktl-dash-'));

  /** Starts `ktl ARGS` in a width×height terminal; a marker line is printed first (the normal screen). */
  constructor(
    args: string[],
    options: {
      columns?: number;
      rows?: number;
      kubeconfig?: string;
      env?: Record<string, string>;
    } = {},
  ) {
    const env = {
      KUBECONFIG: options.kubeconfig ?? adminKubeconfig,
      HOME: isolatedHome(),
      TERM: 'xterm-256color',
      ...options.env,
    };
    const exports = Object.entries(env)
      .map(([k, v]) => `export ${k}='${v}';`)
      .join(' ');
    const ktl = [process.execPath, join(repoRoot, 'bin', 'ktl'), ...args]
      .map((a) => `'${a}'`)
      .join(' ');
    const script = `${exports} echo NORMAL-SCREEN-MARKER; bash -c 'echo $$ > ${this.dir}/pid; exec ${ktl.replace(/'/g, '')}' 2>${this.dir}/stderr; echo "EXIT=$?" > ${this.dir}/exit; echo EXITED; sleep 600`;
    tmux(this.name, [
      'new-session',
      '-d',
      '-s',
      this.name,
      '-x',
      String(options.columns ?? 120),
      '-y',
      String(options.rows ?? 30),
      'bash',
      '-c',
      script,
    ]);
  }

  /** The screen as text, trailing spaces removed. */
  screen(): string {
    return tmux(this.name, ['capture-pane', '-p', '-t', this.name])
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n');
  }

  /** Sends tmux key names (Enter, Escape, C-d, Down) or, with literal, text; 200 ms apart. */
  keys(keys: string[], literal = false): void {
    // One key at a time, as a person types: keys sent together reach the app as one chunk.
    for (const key of keys) {
      tmux(this.name, ['send-keys', '-t', this.name, ...(literal ? ['-l', '--', key] : [key])]);
      Atomics.wait(pause, 0, 0, 200);
    }
  }

  /** Types text literally. */
  type(text: string): void {
    this.keys([text], true);
  }

  /**
   * Sends several keys (tmux key names or text) in ONE send-keys call, so that they reach ktl
   * together, as a paste, key repeat or an SSH packet delivers them.
   */
  together(keys: string[]): void {
    tmux(this.name, ['send-keys', '-t', this.name, ...keys]);
  }

  /** The screen with its colour and style escape sequences. */
  screenWithEscapes(): string {
    return tmux(this.name, ['capture-pane', '-p', '-e', '-t', this.name]);
  }

  /** Waits until the screen matches; returns it (throws with the last screen on timeout). */
  async waitFor(
    pattern: RegExp | ((screen: string) => boolean),
    timeoutMs = 10_000,
  ): Promise<string> {
    const test = typeof pattern === 'function' ? pattern : (s: string) => pattern.test(s);
    const started = Date.now();
    let screen = '';
    while (Date.now() - started < timeoutMs) {
      screen = this.screen();
      if (test(screen)) return screen;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(
      `timed out after ${timeoutMs} ms waiting for ${String(pattern)}; screen:\n${screen}\nstderr:\n${this.stderr()}`,
    );
  }

  /** Waits until the informer is synced and the table's NAME column is exactly `names`. */
  waitForRows(names: string[], timeoutMs: number): Promise<string> {
    return this.waitFor(
      (s) =>
        /synced/.test(s) &&
        tableLines(s)
          .map((l) => l.split(/\s+/)[0])
          .join() === names.join(),
      timeoutMs,
    );
  }

  /** Resizes the terminal. */
  resize(columns: number, rows: number): void {
    tmux(this.name, ['resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows)]);
  }

  /** The ktl process id. */
  pid(): number {
    return Number(readFileSync(join(this.dir, 'pid'), 'utf8').trim());
  }

  /** ktl's exit code once it has exited, else undefined. */
  exitCode(): number | undefined {
    const file = join(this.dir, 'exit');
    if (!existsSync(file)) return undefined;
    return Number(/EXIT=(\d+)/.exec(readFileSync(file, 'utf8'))?.[1]);
  }

  /** What ktl wrote to stderr. */
  stderr(): string {
    try {
      return readFileSync(join(this.dir, 'stderr'), 'utf8');
    } catch {
      return '';
    }
  }

  /** Waits for ktl to exit and returns its code. */
  async exited(timeoutMs = 5000): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      const code = this.exitCode();
      if (code !== undefined) return code;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`ktl did not exit; screen:\n${this.screen()}`);
  }

  /** Ends the tmux session. */
  close(): void {
    try {
      tmux(this.name, ['kill-server']);
    } catch {
      // already gone
    }
  }
}

/** The table's data lines on a screen (after the column header line, before the footer). */
export function tableLines(screen: string): string[] {
  const lines = screen.split('\n');
  const header = lines.findIndex((l) => /^(NAMESPACE\s+)?NAME\s/.test(l));
  if (header < 0) return [];
  return lines.slice(header + 1).filter((l) => l.trim() !== '' && !l.startsWith('<:>'));
}

type TerminalOptions = ConstructorParameters<typeof Terminal>[1];

/** The title line of the view on screen (the line after the two header lines). */
export function titleLine(screen: string): string {
  return screen.split('\n')[2] ?? '';
}

/**
 * What one dashboard test file shares: a namespace of its own, made in `before`, and every
 * terminal its tests open, all closed and removed in `after` (call `cleanUp` there).
 */
export class DashboardFixture {
  namespace = '';
  private readonly terminals: Terminal[] = [];
  private readonly cleanups: Array<() => unknown> = [];

  /** `inNamespace` starts each dashboard with `-n <namespace>`. */
  constructor(private readonly defaults: TerminalOptions & { inNamespace?: boolean } = {}) {}

  async createNamespace(prefix: string): Promise<string> {
    this.namespace = await testNamespace(
      { after: (fn: () => unknown) => this.cleanups.push(fn) },
      prefix,
    );
    return this.namespace;
  }

  /** `ktl dash ARGS` in a new terminal, closed by cleanUp. */
  open(args: string[], options: TerminalOptions = {}): Terminal {
    const { inNamespace, ...defaults } = this.defaults;
    const scope = inNamespace ? ['-n', this.namespace] : [];
    const terminal = new Terminal(['dash', ...scope, ...args], { ...defaults, ...options });
    this.terminals.push(terminal);
    return terminal;
  }

  async cleanUp(): Promise<void> {
    this.terminals.forEach((t) => t.close());
    for (const cleanup of this.cleanups) await cleanup();
  }
}

/** The text style of a line's first character. */
export interface LineStyle {
  text: string;
  bold: boolean;
  /** The SGR foreground code (31 red, 36 cyan…), or 39 for the default. */
  foreground: number;
  inverse: boolean;
}

/**
 * Each line of a `screenWithEscapes()` capture with the style its first character is drawn in.
 * tmux writes only the style changes from one character to the next, across lines too, so the
 * state is carried from line to line.
 */
export function lineStyles(captured: string): LineStyle[] {
  const state = { bold: false, foreground: 39, inverse: false };
  const ESC = String.fromCharCode(27);
  const split = new RegExp(`(${ESC}\\[[\\d;]*m)`);
  const sgrOf = new RegExp(`^${ESC}\\[([\\d;]*)m$`);
  return captured.split('\n').map((line) => {
    let first: LineStyle | undefined;
    let text = '';
    for (const part of line.split(split)) {
      const sgr = sgrOf.exec(part);
      if (!sgr) {
        if (part !== '' && !first) first = { text: '', ...state };
        text += part;
        continue;
      }
      for (const code of (sgr[1] || '0').split(';').map(Number)) {
        if (code === 0) Object.assign(state, { bold: false, foreground: 39, inverse: false });
        else if (code === 1) state.bold = true;
        else if (code === 22) state.bold = false;
        else if (code === 7) state.inverse = true;
        else if (code === 27) state.inverse = false;
        else if ((code >= 30 && code <= 37) || code === 39 || (code >= 90 && code <= 97))
          state.foreground = code;
      }
    }
    return { ...(first ?? { ...state }), text };
  });
}
