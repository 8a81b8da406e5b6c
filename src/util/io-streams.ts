/** The three standard streams a command reads and writes, injectable for tests. */
export interface OutputStream {
  write(chunk: string | Uint8Array): boolean;
  isTTY?: boolean;
  columns?: number;
}

export interface IOStreams {
  in: NodeJS.ReadableStream & { isTTY?: boolean };
  out: OutputStream;
  err: OutputStream;
}

/** Whether colour may be written to this stream: a terminal, TERM not dumb, NO_COLOR unset. */
export function colorAllowed(stream: OutputStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['TERM'] === 'dumb') return false;
  return stream.isTTY === true;
}
