/**
 * local → pod (cp.go copyToPod): `test -d <dest>` decides whether the source goes into the
 * destination directory, then `tar -xmf - -C <dir>` in the pod reads an archive made here.
 */
import { statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { PlainError } from '../../errors/errors.js';
import { execInPod } from '../../resources/pods/pod-exec.js';
import { localTar } from '../../resources/tar/index.js';
import type { OutputStream } from '../../util/io-streams.js';
import type { Factory } from '../../runtime/factory.js';
import { failOnOutcome } from './copy-from-pod.js';
import type { FileSpec } from './file-spec.js';
import { goBase, goClean, goDir, goJoin } from './file-spec.js';
import type { ExecTarget } from './pod-target.js';
import { execTarget } from './pod-target.js';

const discard: OutputStream = { write: () => true };
const DIRECTORY_CHECK_TIMEOUT_MS = 30_000;

export async function copyToPod(
  factory: Factory,
  src: FileSpec,
  dest: FileSpec,
  options: { namespace: string; container: string; noPreserve: boolean },
): Promise<void> {
  try {
    statSync(src.file);
  } catch {
    throw new PlainError(`${src.file} doesn't exist in local filesystem`);
  }
  const namespace = dest.podNamespace || options.namespace;
  const client = await factory.client();
  const dialer = await factory.streamDialer();
  let destFile = dest.file;
  if (await isDirectory(factory, namespace, dest.podName, options.container, destFile))
    destFile = goJoin(destFile, goBase(src.file));
  const target = await execTarget(client, namespace, dest.podName, options.container, (line) =>
    factory.streams.err.write(line),
  );
  const command = options.noPreserve
    ? ['tar', '--no-same-permissions', '--no-same-owner', '-xmf', '-']
    : ['tar', '-xmf', '-'];
  const destDir = goDir(destFile);
  if (destDir !== '') command.push('-C', destDir);
  const srcPath = goClean(src.file);
  const archive = Readable.from(
    localTar(goDir(srcPath), goBase(srcPath), goBase(goClean(destFile))),
  );
  const outcome = await execInPod(dialer, {
    ...target,
    command,
    stdin: archive,
    stdout: factory.streams.out,
    stderr: factory.streams.err,
  });
  failOnOutcome(factory, outcome);
}

/**
 * checkDestinationIsDir: `test -d` in the pod, its output discarded. Only a success counts; any
 * failure (no such pod included) leaves the destination as given, except kubectl's 30 s timeout.
 */
async function isDirectory(
  factory: Factory,
  namespace: string,
  pod: string,
  container: string,
  path: string,
): Promise<boolean> {
  const check = (async (): Promise<boolean> => {
    try {
      const client = await factory.client();
      const target: ExecTarget = await execTarget(
        client,
        namespace,
        pod,
        container,
        () => undefined,
      );
      const outcome = await execInPod(await factory.streamDialer(), {
        ...target,
        command: ['test', '-d', path],
        stdout: discard,
        stderr: discard,
      });
      return outcome.kind === 'success';
    } catch {
      return false;
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PlainError('context deadline exceeded')),
      DIRECTORY_CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
