/**
 * pod → local (cp.go copyFromPod): `tar cf - <path>` in the pod, its archive unpacked as it
 * streams in, the remote stderr on local stdout (as kubectl wires it). With --retries the
 * command becomes `tar cf - <path> | tail -c+<n>` so that a broken stream resumes where it
 * stopped.
 */
import { CliError, PlainError, SilentExit } from '../../errors/errors.js';
import { execInPod } from '../../resources/pods/pod-exec.js';
import { TarParser } from '../../resources/tar/index.js';
import type { RemoteCommandOutcome } from '../../transport/stream-protocol.js';
import type { OutputStream } from '../../util/io-streams.js';
import type { Factory } from '../../runtime/factory.js';
import type { FileSpec } from './file-spec.js';
import { goClean, stripLeadingSlashes, stripPathShortcuts } from './file-spec.js';
import { LocalExtractor } from './local-extract.js';
import type { ExecTarget } from './pod-target.js';
import { execTarget } from './pod-target.js';

/** A failure while unpacking (a corrupt archive, a file that cannot be written) as kubectl words it. */
function unpackError(error: unknown): CliError {
  return error instanceof CliError ? error : new PlainError((error as Error).message);
}

/** The outcome of a remote command as kubectl's CheckErr ends the process with it. */
export function failOnOutcome(factory: Factory, outcome: RemoteCommandOutcome): void {
  if (outcome.kind === 'success') return;
  if (outcome.kind === 'exit') {
    factory.streams.err.write(`${outcome.message}\n`);
    throw new SilentExit(outcome.exitCode);
  }
  throw new PlainError(outcome.message);
}

export async function copyFromPod(
  factory: Factory,
  src: FileSpec,
  dest: FileSpec,
  options: { namespace: string; container: string; maxTries: number },
): Promise<void> {
  const out = factory.streams.out;
  const namespace = src.podNamespace || options.namespace;
  const client = await factory.client();
  // every attempt looks the pod up again, as kubectl's TarPipe runs a whole exec per attempt
  // (its "Defaulted container" note comes again with each retry)
  const findTarget = (): Promise<ExecTarget> =>
    execTarget(client, namespace, src.podName, options.container, (line) => out.write(line));
  const firstTarget = await findTarget();
  const prefix = stripPathShortcuts(goClean(stripLeadingSlashes(src.file)));
  const extractor = new LocalExtractor(prefix, dest.file, factory.streams.err, {
    commandName: 'ktl',
    namespace: src.podNamespace,
    pod: src.podName,
    source: src.file,
  });
  const parser = new TarParser(extractor);
  const dialer = await factory.streamDialer();
  let bytesRead = 0;
  let failure: unknown;
  // the archive arrives as the exec's stdout; an error stops the unpacking, not the stream
  const stdout: OutputStream = {
    write(chunk) {
      if (failure !== undefined) return true;
      const data = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
      bytesRead += data.length;
      try {
        parser.write(data);
      } catch (error) {
        failure = error;
      }
      return true;
    },
  };
  try {
    for (let retries = 0; ;) {
      const target = retries === 0 ? firstTarget : await findTarget();
      const command =
        options.maxTries === 0
          ? ['tar', 'cf', '-', src.file]
          : ['sh', '-c', `tar cf - ${src.file} | tail -c+${retries === 0 ? 0 : bytesRead + 1}`];
      const outcome = await execInPod(dialer, { ...target, command, stdout, stderr: out });
      if (failure !== undefined) throw unpackError(failure);
      failOnOutcome(factory, outcome);
      if (parser.finished) return;
      if (options.maxTries >= 0 && retries >= options.maxTries) {
        if (options.maxTries !== 0) out.write(`Dropping out copy after ${retries} retries\n`);
        break;
      }
      retries++;
      out.write(`Resuming copy at ${bytesRead} bytes, retry ${retries}/${options.maxTries}\n`);
    }
    try {
      parser.end();
    } catch (error) {
      throw unpackError(error);
    }
  } finally {
    extractor.close();
  }
}
