import { PlainError } from '../../errors/errors.js';
import type { RestConfig } from '../../config/rest-config.js';
import type { Authenticator } from './authenticator.js';
import type { AuthEnvironment } from './select-auth.js';

/** Runs a client.authentication.k8s.io exec credential plugin. (Being written: issue 3.) */
export function execAuthenticator(
  _config: RestConfig,
  _environment: AuthEnvironment,
): Authenticator {
  throw new PlainError('exec credential plugins are not supported yet');
}
