import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../config/atomic-write.js';
import type { RestConfig } from '../../config/rest-config.js';
import type { ExecCredential } from './exec-credential.js';

/** A credential on disk is used only while it has this much life left, in ms. */
const MIN_REMAINING_MS = 10_000;

/**
 * Credentials from exec plugins kept on disk between ktl runs (kubectl keeps them only in
 * memory). One file per exec config and cluster, mode 0600 in a 0700 directory; only
 * credentials with an expirationTimestamp are stored, and only until then.
 */
export class ExecDiskCache {
  private readonly file: string;

  constructor(cacheDir: string, config: RestConfig) {
    this.file = join(cacheDir, 'ktl-exec', `${cacheKey(config)}.json`);
  }

  /** The stored credential, if it is still fresh. */
  read(now = Date.now()): ExecCredential | undefined {
    try {
      const stored = JSON.parse(readFileSync(this.file, 'utf8')) as ExecCredential;
      if (typeof stored.expiresAt !== 'number' || stored.expiresAt - now < MIN_REMAINING_MS)
        return undefined;
      if (!stored.token && !(stored.clientCertificateData && stored.clientKeyData))
        return undefined;
      return stored;
    } catch {
      return undefined;
    }
  }

  /** Stores a credential that has an expiry; others live only in memory, as in kubectl. */
  write(credential: ExecCredential): void {
    if (credential.expiresAt === undefined) return;
    try {
      mkdirSync(join(this.file, '..'), { recursive: true, mode: 0o700 });
      writeFileAtomic(this.file, JSON.stringify(credential), 0o600);
    } catch {
      // a cache that cannot be written only costs a plugin run next time
    }
  }

  /** Forgets the stored credential (after the server rejected it). */
  clear(): void {
    try {
      unlinkSync(this.file);
    } catch {
      // nothing stored
    }
  }
}

/** A hash of everything that decides which credential the plugin returns, and for which server. */
function cacheKey(config: RestConfig): string {
  const exec = config.exec;
  const identity = {
    command: exec?.command,
    args: exec?.args ?? [],
    env: exec?.env ?? [],
    apiVersion: exec?.apiVersion,
    provideClusterInfo: exec?.provideClusterInfo === true,
    server: config.host,
    tlsServerName: config.tls.serverName ?? '',
    ca: config.tls.caData?.toString('base64') ?? config.tls.caFile ?? '',
    clusterConfig: config.execClusterConfig ?? null,
    user: config.userName,
  };
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}
