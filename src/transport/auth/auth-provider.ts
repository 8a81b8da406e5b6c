import { PlainError } from '../../errors/errors.js';
import type { RestConfig } from '../../config/rest-config.js';
import type { Authenticator } from './authenticator.js';
import type { AuthEnvironment } from './select-auth.js';

/** The legacy auth-provider stanza (oidc). (Being written: issue 3.) */
export function authProviderAuthenticator(
  config: RestConfig,
  _environment: AuthEnvironment,
): Authenticator {
  throw new PlainError(`no Auth Provider found for name "${config.authProvider?.name ?? ''}"`);
}
