/**
 * How `apply --wait-rollout` shows progress: on a terminal one line per workload, rewritten in
 * place; otherwise kubectl rollout status's lines, each printed when a workload's changes.
 */
import type { OutputStream } from '../../util/io-streams.js';
import type { WorkloadReading } from '../../resources/rollout/workload-readiness.js';

/** Receives each workload's readings. */
export interface RolloutView {
  update(index: number, reading: WorkloadReading): void;
  /** Called once everything has settled (or timed out). */
  close(): void;
}

/** The view for a stream: live lines on a terminal, plain lines otherwise. */
export function rolloutView(out: OutputStream, names: string[]): RolloutView {
  return out.isTTY === true ? new LiveView(out, names) : new LineView(out);
}

/** Piped: kubectl rollout status's messages, once per change. */
class LineView implements RolloutView {
  private readonly last = new Map<number, string>();
  private readonly out: OutputStream;

  constructor(out: OutputStream) {
    this.out = out;
  }

  update(index: number, reading: WorkloadReading): void {
    if (this.last.get(index) === reading.message) return;
    this.last.set(index, reading.message);
    this.out.write(`${reading.message}\n`);
  }

  close(): void {}
}

const MARKS: Record<WorkloadReading['state'], string> = {
  progressing: '…',
  ready: '✓',
  failed: '✗',
  unsupported: '-',
};

/** A terminal: a block of lines, one per workload, redrawn on every change. */
class LiveView implements RolloutView {
  private readonly lines: string[];
  private readonly out: OutputStream;
  private readonly names: string[];
  private drawn = 0;

  constructor(out: OutputStream, names: string[]) {
    this.out = out;
    this.names = names;
    this.lines = names.map((name) => `… ${name}: waiting for the first status...`);
    this.draw();
  }

  update(index: number, reading: WorkloadReading): void {
    const line = `${MARKS[reading.state]} ${this.names[index] ?? ''}: ${reading.message}`;
    if (this.lines[index] === line) return;
    this.lines[index] = line;
    this.draw();
  }

  close(): void {}

  private draw(): void {
    const width = Math.max(20, (this.out.columns || 80) - 1);
    let text = this.drawn > 0 ? `\x1b[${this.drawn}A` : '';
    for (const line of this.lines) text += `\r\x1b[2K${line.slice(0, width)}\n`;
    this.drawn = this.lines.length;
    this.out.write(text);
  }
}
