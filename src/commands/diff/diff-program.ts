import { spawn } from 'node:child_process';
import type { OutputStream } from '../../util/io-streams.js';

/**
 * The diff program and its arguments: `diff -u -N`, or KUBECTL_EXTERNAL_DIFF split on spaces
 * (extra arguments kept only if they match ^[a-zA-Z0-9-=]+$).
 */
export function diffCommand(env: NodeJS.ProcessEnv): { program: string; args: string[] } {
  const external = env['KUBECTL_EXTERNAL_DIFF'];
  if (!external) return { program: 'diff', args: ['-u', '-N'] };
  const [program = 'diff', ...rest] = external.split(' ').filter((s) => s !== '');
  return { program, args: rest.filter((a) => /^[a-zA-Z0-9-=]+$/.test(a)) };
}

/** Runs the diff program on the two directories, streaming its output; returns its exit code. */
export function runDiffProgram(
  env: NodeJS.ProcessEnv,
  from: string,
  to: string,
  out: OutputStream,
  err: OutputStream,
): Promise<number> {
  const { program, args } = diffCommand(env);
  return new Promise((resolve, reject) => {
    const child = spawn(program, [...args, from, to], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => out.write(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.write(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 2));
  });
}
