import { ConnectionError, PlainError } from '../../errors/errors.js';
import type { RestConfig } from '../../config/rest-config.js';
import type { AuthEnvironment, Authenticator, ClientCertificate } from './authenticator.js';
import { ExecDiskCache } from './exec-disk-cache.js';
import type { ExecCredential } from './exec-credential.js';
import { execInfo, isSupportedExecVersion, parseExecOutput } from './exec-credential.js';
import { runExecPlugin } from './exec-run.js';

/**
 * Credentials from a client.authentication.k8s.io exec plugin (v1, v1beta1). The credential is
 * kept in memory until its expirationTimestamp, and on disk between runs; requests made while
 * the plugin runs share that one run; a 401 throws both copies away and runs it again.
 */
export function execAuthenticator(config: RestConfig, environment: AuthEnvironment): Authenticator {
  const exec = config.exec;
  if (!exec) throw new PlainError('exec authenticator without an exec config');
  if (!isSupportedExecVersion(exec.apiVersion))
    throw new PlainError(`exec plugin: invalid apiVersion "${exec.apiVersion ?? ''}"`);
  const disk = new ExecDiskCache(environment.cacheDir, config);
  let current: Promise<ExecCredential> | undefined;
  let currentValue: ExecCredential | undefined;

  const fresh = async (): Promise<ExecCredential> => {
    const interactive = interactiveFor(exec.interactiveMode, environment.stdinIsTerminal);
    const stdout = await runExecPlugin({
      exec,
      execInfo: execInfo(exec, config, interactive),
      interactive,
      env: environment.env,
    });
    const credential = parseExecOutput(stdout, exec.apiVersion ?? '');
    disk.write(credential);
    return credential;
  };
  const start = (useDisk: boolean): Promise<ExecCredential> => {
    const stored = useDisk ? disk.read() : undefined;
    const promise = (stored ? Promise.resolve(stored) : fresh()).then(
      (credential) => {
        currentValue = credential;
        return credential;
      },
      (error: unknown) => {
        if (current === promise) current = undefined;
        throw new ConnectionError(`getting credentials: ${(error as Error).message}`);
      },
    );
    current = promise;
    return promise;
  };
  const credential = (): Promise<ExecCredential> => {
    const expired = currentValue?.expiresAt !== undefined && currentValue.expiresAt <= Date.now();
    if (current && !expired) return current;
    currentValue = undefined;
    return start(true);
  };
  let refreshing: Promise<boolean> | undefined;

  return {
    async headers(): Promise<Record<string, string>> {
      const { token } = await credential();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    async clientCertificate(): Promise<ClientCertificate | undefined> {
      const c = await credential();
      if (!c.clientCertificateData || !c.clientKeyData) return undefined;
      return { cert: Buffer.from(c.clientCertificateData), key: Buffer.from(c.clientKeyData) };
    },
    onUnauthorized() {
      refreshing ??= (async () => {
        disk.clear();
        currentValue = undefined;
        await start(false);
        return true;
      })().finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    },
  };
}

/** Whether the plugin may talk to the user, per interactiveMode (v1beta1 defaults to IfAvailable). */
function interactiveFor(mode: string | undefined, stdinIsTerminal: boolean): boolean {
  if (mode === 'Never') return false;
  if (mode === 'Always' && !stdinIsTerminal) {
    throw new Error(
      'exec plugin cannot support interactive mode: standard input is not a terminal',
    );
  }
  return stdinIsTerminal;
}
