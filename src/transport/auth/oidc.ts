import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { editKubeConfigFile } from '../../config/kubeconfig-write.js';
import type { RestConfig } from '../../config/rest-config.js';
import { ConnectionError } from '../../errors/errors.js';
import type { Authenticator } from './authenticator.js';
import { defaultRootsWithDeferredCas } from '../tls-material.js';

/** client-go refreshes an id-token this long before it expires, in ms. */
const EXPIRY_MARGIN_MS = 10_000;

/** Whether a JWT's `exp` is past (or within the margin); an unreadable token counts as invalid. */
export function idTokenExpired(idToken: string, now = Date.now()): boolean {
  const parts = idToken.split('.');
  if (parts.length !== 3) throw new Error('ID Token is not a valid JWT');
  const payload = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as {
    exp?: number;
  };
  return now + EXPIRY_MARGIN_MS > (payload.exp ?? 0) * 1000;
}

interface OidcSettings {
  [key: string]: string | undefined;
}

function requestJson(
  url: URL,
  settings: OidcSettings,
  init: { method: string; headers?: Record<string, string>; body?: string },
): Promise<Record<string, unknown>> {
  const ca = settings['idp-certificate-authority-data']
    ? Buffer.from(settings['idp-certificate-authority-data'], 'base64')
    : settings['idp-certificate-authority']
      ? readFileSync(settings['idp-certificate-authority'])
      : // the issuer's CA may be one deferred from NODE_EXTRA_CA_CERTS (see deferred-ca.ts)
        defaultRootsWithDeferredCas();
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      { method: init.method, headers: init.headers, ...(ca ? { ca } : {}) },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((response.statusCode ?? 0) >= 300) {
            reject(
              new Error(
                `oauth2: cannot fetch token: ${response.statusCode ?? 0} ${response.statusMessage ?? ''}`.trim(),
              ),
            );
            return;
          }
          try {
            resolve(JSON.parse(text) as Record<string, unknown>);
          } catch {
            reject(new Error(`oidc: failed to decode the response from ${url.href}`));
          }
        });
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });
}

/** Exchanges the refresh-token at the issuer's token endpoint (found by OIDC discovery). */
async function refreshTokens(
  settings: OidcSettings,
): Promise<{ idToken: string; refreshToken: string }> {
  const issuer = (settings['idp-issuer-url'] ?? '').replace(/\/+$/, '');
  const discovery = await requestJson(
    new URL(`${issuer}/.well-known/openid-configuration`),
    settings,
    {
      method: 'GET',
    },
  );
  const endpoint = discovery['token_endpoint'];
  if (typeof endpoint !== 'string')
    throw new Error('oidc: discovery document has no token_endpoint');
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: settings['refresh-token'] ?? '',
  });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const clientId = settings['client-id'] ?? '';
  if (settings['client-secret']) {
    const pair = `${encodeURIComponent(clientId)}:${encodeURIComponent(settings['client-secret'])}`;
    headers['authorization'] = `Basic ${Buffer.from(pair).toString('base64')}`;
  } else form.set('client_id', clientId);
  const body = form.toString();
  const reply = await requestJson(new URL(endpoint), settings, { method: 'POST', headers, body });
  const idToken = reply['id_token'];
  if (typeof idToken !== 'string' || idToken === '')
    throw new Error('token response did not contain an id_token');
  const refreshToken =
    typeof reply['refresh_token'] === 'string'
      ? reply['refresh_token']
      : (settings['refresh-token'] ?? '');
  return { idToken, refreshToken };
}

/** Writes refreshed tokens into the kubeconfig file that defined the user, as kubectl does. */
async function persist(config: RestConfig, idToken: string, refreshToken: string): Promise<void> {
  if (!config.userOrigin) return;
  await editKubeConfigFile(config.userOrigin, (file) => {
    const user = file.users.find((u) => u.name === config.userName)?.value;
    const provider = user?.['auth-provider'];
    if (!provider) return;
    provider.config = {
      ...(provider.config ?? {}),
      'id-token': idToken,
      'refresh-token': refreshToken,
    };
  });
}

/**
 * The legacy `oidc` auth-provider: the id-token is sent as a bearer token while it is valid;
 * once expired it is refreshed with the refresh-token and both are written back to kubeconfig.
 */
export function oidcAuthenticator(config: RestConfig): Authenticator {
  const settings: OidcSettings = { ...(config.authProvider?.config ?? {}) };
  let pending: Promise<string> | undefined;
  const token = async (): Promise<string> => {
    const current = settings['id-token'] ?? '';
    if (current && !idTokenExpired(current)) return current;
    if (!settings['refresh-token'])
      throw new Error('No valid id-token, and cannot refresh without refresh-token');
    const { idToken, refreshToken } = await refreshTokens(settings);
    settings['id-token'] = idToken;
    settings['refresh-token'] = refreshToken;
    await persist(config, idToken, refreshToken);
    return idToken;
  };
  return {
    async headers(): Promise<Record<string, string>> {
      pending ??= token().finally(() => (pending = undefined));
      try {
        return { authorization: `Bearer ${await pending}` };
      } catch (error) {
        throw new ConnectionError((error as Error).message);
      }
    },
  };
}
