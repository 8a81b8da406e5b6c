// Imported lazily (see plugin-complete.ts): child_process costs every other TAB ~10 ms.
import { spawn } from 'node:child_process';
import type { Completion } from './directive.js';
import { Directive, parsePluginCompletion } from './directive.js';

/** How long a plugin's completion program may take before the TAB gives up on it. */
const PLUGIN_COMPLETION_TIMEOUT_MS = 5000;

/**
 * Runs a plugin's completion program as kubectl's getPluginCompletions does: ktl's stdin and
 * stderr, its stdout read. A failure, or a program still running after a few seconds, completes
 * nothing (cobra's default directive: file names).
 */
export function runCompletionProgram(
  program: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<Completion> {
  const nothing: Completion = { candidates: [], directive: Directive.Default };
  return new Promise((resolve) => {
    const child = spawn(program, args, {
      env,
      stdio: ['inherit', 'pipe', 'inherit'],
      timeout: PLUGIN_COMPLETION_TIMEOUT_MS,
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', () => resolve(nothing));
    child.on('close', (code) => resolve(code === 0 ? parsePluginCompletion(stdout) : nothing));
  });
}
