import { PlainError } from '../../errors/errors.js';
import type { Factory } from '../../runtime/factory.js';
import { clientVersionInfo } from '../../runtime/version-info.js';

/** The fields of a version.Info as /version returns them. */
export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit?: string;
  gitTreeState?: string;
  buildDate?: string;
  goVersion?: string;
  compiler?: string;
  platform: string;
  [key: string]: unknown;
}

/** ktl's own version in the shape of kubectl's clientVersion. */
export function clientVersion(): VersionInfo {
  return clientVersionInfo();
}

/** Prints versions in text, JSON or YAML, as `kubectl version` does. */
export async function runVersion(
  factory: Factory,
  options: { clientOnly: boolean; output: string },
): Promise<void> {
  if (options.output !== '' && options.output !== 'json' && options.output !== 'yaml') {
    throw new PlainError("--output must be 'yaml' or 'json'");
  }
  const result: { clientVersion: VersionInfo; serverVersion?: VersionInfo } = {
    clientVersion: clientVersion(),
  };
  let serverError: unknown;
  if (!options.clientOnly) {
    try {
      const client = await factory.client();
      result.serverVersion = await client.json<VersionInfo>({ path: '/version' });
    } catch (error) {
      serverError = error;
    }
  }
  const out = factory.streams.out;
  if (options.output === 'json') out.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (options.output === 'yaml') {
    const { toKubectlYaml } = await import('../../printers/yaml-text.js');
    out.write(`${await toKubectlYaml(result)}\n`);
  } else {
    out.write(`Client Version: ${result.clientVersion.gitVersion}\n`);
    if (result.serverVersion) out.write(`Server Version: ${result.serverVersion.gitVersion}\n`);
  }
  if (serverError !== undefined) throw serverError;
}
