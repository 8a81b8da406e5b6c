/**
 * Runs ktl in this process through `runCli` (the same entry point bin/ktl uses), with string
 * buffers for stdout/stderr and a stdin of its own: the argument-matrix tests start no process
 * per case, and a failure shows ktl's own stack.
 */
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/run.js';
import type { RunOptions, RunResult } from './cluster.js';
import { baseEnv } from './cluster.js';

/** A stream that keeps what is written to it. */
class StringSink {
  text = '';
  readonly isTTY = false;
  write(chunk: string | Uint8Array): boolean {
    this.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }
}

/** Runs `ktl ARGS` in-process against the local cluster as admin. */
export async function ktlInProcess(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const stdout = new StringSink();
  const stderr = new StringSink();
  const code = await runCli(args, {
    stdin: Readable.from([options.input ?? '']),
    stdout,
    stderr,
    env: baseEnv(options.env),
  });
  return { stdout: stdout.text, stderr: stderr.text, code };
}
