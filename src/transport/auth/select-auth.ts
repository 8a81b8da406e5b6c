import type { RestConfig } from '../../config/rest-config.js';
import type { AuthEnvironment, Authenticator } from './authenticator.js';
import { anonymous } from './authenticator.js';
import { basicAuth, bearerTokenAuth, tokenFileAuth } from './static-auth.js';

let refusePlugins: (() => void) | undefined;

/**
 * Inside the agent (src/cli/agent-run.ts) commands must not run exec credential plugins or auth
 * providers: those may talk to the user's terminal, or write the kubeconfig, from the wrong
 * process. The callback notes the refusal (the command then runs in its own process instead).
 */
export function refuseCredentialPlugins(onRefused: () => void): void {
  refusePlugins = onRefused;
}

/**
 * Picks the authenticator for a RestConfig in client-go's order: a static token, token file or
 * basic auth wins; otherwise an exec plugin or an auth provider.
 */
export async function selectAuthenticator(
  config: RestConfig,
  environment: AuthEnvironment,
): Promise<Authenticator> {
  if (config.tokenFile) return tokenFileAuth(config.tokenFile, config.token);
  if (config.token) return bearerTokenAuth(config.token);
  if (config.username !== undefined || config.password !== undefined) {
    return basicAuth(config.username ?? '', config.password ?? '');
  }
  const hasStaticCert = Boolean(config.tls.certData || config.tls.certFile);
  if (refusePlugins && ((config.exec && !hasStaticCert) || config.authProvider)) {
    refusePlugins();
    throw new Error('credential plugins run in the command’s own process');
  }
  if (config.exec && !hasStaticCert) {
    const { execAuthenticator } = await import('./exec-plugin.js');
    return execAuthenticator(config, environment);
  }
  if (config.authProvider) {
    const { authProviderAuthenticator } = await import('./auth-provider.js');
    return authProviderAuthenticator(config);
  }
  return anonymous;
}
