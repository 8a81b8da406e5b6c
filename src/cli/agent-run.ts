import { Readable } from 'node:stream';
import type { RemoteCommand } from '../transport/agent/agent-protocol.js';
import {
  FRAME_EXIT,
  FRAME_STDERR,
  FRAME_STDOUT,
  frame,
} from '../transport/agent/agent-protocol.js';
import { refuseCredentialPlugins } from '../transport/auth/select-auth.js';
import type { IOStreams, OutputStream } from '../util/io-streams.js';
import { deferExtraCaCertificatesOf } from './extra-ca-env.js';
import { runCli } from './run.js';

/**
 * Runs whole commands inside the agent, for bin/ktl's client (src/cli/remote-main.ts): the
 * agent has the command code compiled and warm, so a short command costs the client little more
 * than Node's own start. One at a time: the process's environment and working directory become
 * the command's for its run (code that reads process.env or resolves relative paths sees the
 * client's), and are put back after. A second command meanwhile, or one that would run a
 * credential plugin (it may need the user's terminal), is declined: its client runs it itself.
 * The output is held until the end, so a declined command has written nothing.
 */
export function commandRunner(): (command: RemoteCommand) => Promise<Buffer | undefined> {
  let running = false;
  let refused = false;
  refuseCredentialPlugins(() => {
    refused = true;
  });
  return async (command) => {
    if (running) return undefined;
    running = true;
    refused = false;
    const savedEnv = { ...process.env };
    const savedCwd = process.cwd();
    try {
      process.chdir(command.cwd);
      replaceEnv(command.env);
      deferExtraCaCertificatesOf(process.env);
      const frames: Buffer[] = [];
      const streams = streamsOf(command, frames);
      const code = await runCli(command.argv, {
        stdin: streams.in,
        stdout: streams.out,
        stderr: streams.err,
        env: process.env,
      });
      if (refused) return undefined;
      const exit = Buffer.alloc(4);
      exit.writeInt32BE(code);
      frames.push(frame(FRAME_EXIT, exit));
      return Buffer.concat(frames);
    } catch {
      return undefined;
    } finally {
      replaceEnv(savedEnv);
      deferExtraCaCertificatesOf({});
      process.chdir(savedCwd);
      running = false;
    }
  };
}

function replaceEnv(next: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env)) if (!(key in next)) delete process.env[key];
  Object.assign(process.env, next);
}

function streamsOf(command: RemoteCommand, frames: Buffer[]): IOStreams {
  const output = (type: number, isTTY: boolean): OutputStream => {
    const stream: OutputStream = {
      write(chunk: string | Uint8Array): boolean {
        frames.push(frame(type, Buffer.from(chunk)));
        return true;
      },
      isTTY,
    };
    if (isTTY && command.columns) stream.columns = command.columns;
    return stream;
  };
  // the commands run here never read stdin (remote-main.ts sends no others)
  const input = Object.assign(Readable.from([]), { isTTY: command.stdinIsTTY });
  return {
    in: input,
    out: output(FRAME_STDOUT, command.stdoutIsTTY),
    err: output(FRAME_STDERR, command.stderrIsTTY),
  };
}
