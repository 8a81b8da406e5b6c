/**
 * `--match-server-version` (kubectl's MatchVersionFlags): before the first request, GET /version
 * and refuse to go on unless the server's gitVersion, gitCommit and gitTreeState equal the
 * client's. ktl compares its own version (what `ktl version` prints), never a kubectl version it
 * does not have, so against a real server the check fails, with kubectl's message.
 */
import { ConnectionRefusedError, PlainError } from '../errors/errors.js';
import type { HttpClient } from '../transport/http-client.js';

/** The fields of an apimachinery version.Info, in the struct's order, as /version names them. */
const VERSION_FIELDS = [
  ['Major', 'major'],
  ['Minor', 'minor'],
  ['EmulationMajor', 'emulationMajor'],
  ['EmulationMinor', 'emulationMinor'],
  ['MinCompatibilityMajor', 'minCompatibilityMajor'],
  ['MinCompatibilityMinor', 'minCompatibilityMinor'],
  ['GitVersion', 'gitVersion'],
  ['GitCommit', 'gitCommit'],
  ['GitTreeState', 'gitTreeState'],
  ['BuildDate', 'buildDate'],
  ['GoVersion', 'goVersion'],
  ['Compiler', 'compiler'],
  ['Platform', 'platform'],
] as const;

export type VersionFields = Readonly<Record<string, unknown>>;

/** Go's `%#v` of a version.Info (`&version.Info{Major:"1", …}` for the server's pointer). */
export function goVersionInfo(info: VersionFields, pointer: boolean): string {
  const fields = VERSION_FIELDS.map(([goName, jsonName]) => {
    const value = info[jsonName];
    return `${goName}:${JSON.stringify(typeof value === 'string' ? value : '')}`;
  });
  return `${pointer ? '&' : ''}version.Info{${fields.join(', ')}}`;
}

/** discovery.MatchesServerVersion: throws kubectl's error unless the versions are the same build. */
export async function checkServerVersion(
  client: HttpClient,
  clientInfo: VersionFields,
  host: string,
): Promise<void> {
  let server: VersionFields;
  try {
    server = await client.json<VersionFields>({ path: '/version' });
  } catch (error) {
    throw new PlainError(`couldn't read version from server: ${readFailure(error, host)}`);
  }
  const same = (key: string): boolean => (server[key] ?? '') === (clientInfo[key] ?? '');
  if (same('gitVersion') && same('gitCommit') && same('gitTreeState')) return;
  throw new PlainError(
    `server version (${goVersionInfo(server, true)}) differs from client version (${goVersionInfo(clientInfo, false)})`,
  );
}

/** Why GET /version failed, in the words of Go's http client where ktl knows them. */
function readFailure(error: unknown, host: string): string {
  const url = `${host.replace(/\/$/, '')}/version?timeout=32s`;
  if (error instanceof ConnectionRefusedError)
    return `Get "${url}": dial tcp ${error.hostPort}: connect: connection refused`;
  return error instanceof Error ? error.message : String(error);
}
