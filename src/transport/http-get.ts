import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import { ConnectionError } from '../errors/errors.js';
import { guardConnect } from './http-client.js';
import { networkError } from './network-error.js';
import { httpProxyAgent, httpsProxyAgent } from './proxy-agent.js';
import { proxyFor } from './proxy-env.js';
import type { Hop } from './redirect.js';
import { MAX_REDIRECTS, redirectTarget } from './redirect.js';
import { defaultRootsWithDeferredCas } from './tls-material.js';

/** A whole response to a plain GET. */
export interface GetResponse {
  status: number;
  statusText: string;
  body: Buffer;
}

/**
 * GETs a URL as Go's http.Get does for kubectl's `-f URL`: any port (fetch refuses the WHATWG
 * "bad ports" such as 1, 9 or 6000, which Go does not know), the default roots (never the
 * kubeconfig's TLS settings) with NODE_EXTRA_CA_CERTS, the proxy from the environment, Go's
 * dial and TLS handshake timeouts and its redirects (10 at most, across schemes). Failures
 * come back in kubectl's connection wording.
 */
export async function httpGet(url: string): Promise<GetResponse> {
  const origin = new URL(url);
  let hop: Hop = { url: origin, method: 'GET', body: undefined, credentials: false };
  for (let requests = 1; ; requests++) {
    const response = await getOnce(hop.url);
    const location = response.headers.location;
    const next = redirectTarget(hop, response.statusCode, location, origin);
    if (!next) {
      return {
        status: response.statusCode ?? 0,
        statusText: response.statusMessage ?? '',
        body: await readAll(response, hop.url),
      };
    }
    response.resume();
    if (requests >= MAX_REDIRECTS)
      throw new ConnectionError(`stopped after ${MAX_REDIRECTS} redirects`);
    hop = next;
  }
}

function getOnce(url: URL): Promise<IncomingMessage> {
  const secure = url.protocol === 'https:';
  if (!secure && url.protocol !== 'http:')
    throw new ConnectionError(
      `Get "${url.href}": unsupported protocol scheme "${url.protocol.replace(/:$/, '')}"`,
    );
  const ca = secure ? defaultRootsWithDeferredCas() : undefined;
  const proxy = proxyFor(url, undefined);
  const agentOptions = { keepAlive: false, ...(ca ? { ca } : {}) };
  const agent = proxy
    ? secure
      ? httpsProxyAgent(proxy, agentOptions)
      : httpProxyAgent(proxy, agentOptions)
    : undefined;
  return new Promise((resolve, reject) => {
    const options: https.RequestOptions = { method: 'GET', ...(ca ? { ca } : {}) };
    if (agent) options.agent = agent;
    const request = (secure ? https : http).request(url, options, resolve);
    request.on('socket', (socket) => guardConnect(request, socket, secure));
    request.on('error', (error) => reject(networkError(error, url, 'GET')));
    request.end();
  });
}

async function readAll(response: IncomingMessage, url: URL): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of response) chunks.push(chunk as Buffer);
  } catch (error) {
    throw networkError(error, url, 'GET');
  }
  return Buffer.concat(chunks);
}
