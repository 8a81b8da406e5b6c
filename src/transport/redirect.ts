/**
 * Following HTTP redirects as Go's http.Client does for client-go (kubectl follows a 3xx from
 * the API server, and from `-f URL`): 301, 302 and 303 become a GET without a body (a HEAD
 * stays a HEAD), 307 and 308 repeat the method and body, and a redirect after ten requests
 * is refused with Go's "stopped after 10 redirects".
 *
 * One difference, on purpose: credentials go only to the origin (scheme, host and port) they
 * were meant for. client-go's transport adds the bearer token to every request it sends, so a
 * server that redirects kubectl elsewhere is handed the token; ktl sends the redirected
 * request without its Authorization header instead (Go itself drops it for a request's own
 * headers when the host changes).
 */

/** Statuses Go follows when a Location is given; 300 and 304 are answers, not redirects. */
const FOLLOWED = new Set([301, 302, 303, 307, 308]);

/** Go's http.Client default: after 10 requests, the next redirect is refused. */
export const MAX_REDIRECTS = 10;

/** The request a redirect leads to. */
export interface Hop {
  url: URL;
  method: string;
  body: string | Buffer | undefined;
  /** Whether the Authorization header may be sent (false once the origin changed). */
  credentials: boolean;
}

/**
 * The next request after a response, or undefined when the response is not a redirect to
 * follow (no Location, or a status Go does not follow).
 */
export function redirectTarget(
  hop: Hop,
  status: number | undefined,
  location: string | undefined,
  origin: URL,
): Hop | undefined {
  if (status === undefined || !FOLLOWED.has(status) || !location) return undefined;
  let url: URL;
  try {
    url = new URL(location, hop.url);
  } catch {
    return undefined;
  }
  const keepsBody = status === 307 || status === 308;
  const method = keepsBody || hop.method === 'HEAD' ? hop.method : 'GET';
  return {
    url,
    method,
    body: keepsBody ? hop.body : undefined,
    credentials: hop.credentials && url.origin === origin.origin,
  };
}
