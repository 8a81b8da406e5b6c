import { PlainError } from '../../errors/errors.js';
import type { RestConfig } from '../../config/rest-config.js';
import type { Authenticator } from './authenticator.js';
import { oidcAuthenticator } from './oidc.js';

const REMOVED: Record<string, string> = {
  gcp: `The gcp auth plugin has been removed.
Please use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead.
See https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke for further details`,
  azure: `The azure auth plugin has been removed.
Please use the https://github.com/Azure/kubelogin kubectl/client-go credential plugin instead.
See https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins for further details`,
};

/** The legacy auth-provider stanza: oidc works; gcp and azure give kubectl's "removed" text. */
export function authProviderAuthenticator(config: RestConfig): Authenticator {
  const name = config.authProvider?.name ?? '';
  if (name === 'oidc') return oidcAuthenticator(config);
  const removed = REMOVED[name];
  if (removed) throw new PlainError(removed);
  throw new PlainError(`no Auth Provider found for name "${name}"`);
}
