import type { ApiStatus } from '../errors/errors.js';
import { ApiStatusError } from '../errors/errors.js';

/**
 * Decodes a non-2xx response into an ApiStatusError: the server's Status when the body is one
 * (status Failure), otherwise client-go's generic message for the code.
 */
export function statusErrorFromResponse(
  code: number,
  body: Buffer,
  contentType: string | undefined,
  requestDesc: string,
): ApiStatusError {
  const text = body.toString('utf8');
  const parsed = tryParseStatus(text);
  if (parsed) return new ApiStatusError(parsed, code);
  const status: ApiStatus = {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    code,
    ...genericStatus(code, text, contentType, requestDesc),
  };
  return new ApiStatusError(status, code);
}

function tryParseStatus(text: string): ApiStatus | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(text) as ApiStatus;
    if (value && value.kind === 'Status' && value.status === 'Failure') return value;
  } catch {
    // not JSON: fall back to the generic message
  }
  return undefined;
}

function genericStatus(
  code: number,
  text: string,
  contentType: string | undefined,
  requestDesc: string,
): Pick<ApiStatus, 'message' | 'reason'> {
  const usable = contentType === undefined || contentType === '' || contentType.startsWith('text/');
  const body = usable ? text.slice(0, 2048).trim() : '';
  const suffix = requestDesc ? ` (${requestDesc})` : '';
  switch (code) {
    case 400:
      return {
        reason: 'BadRequest',
        message: `the server rejected our request for an unknown reason${suffix}`,
      };
    case 401:
      return {
        reason: 'Unauthorized',
        message: `the server has asked for the client to provide credentials${suffix}`,
      };
    case 403:
      return {
        reason: 'Forbidden',
        message: body || `the server does not allow access to the requested resource${suffix}`,
      };
    case 404:
      return {
        reason: 'NotFound',
        message: `the server could not find the requested resource${suffix}`,
      };
    case 405:
      return {
        reason: 'MethodNotAllowed',
        message: `the server does not allow this method on the requested resource${suffix}`,
      };
    case 406:
      return {
        reason: 'NotAcceptable',
        message: `the server was unable to respond with a content type that the client supports${suffix}`,
      };
    case 409:
      return { reason: 'Conflict', message: `the server reported a conflict${suffix}` };
    case 410:
      return {
        reason: 'Expired',
        message: `the server reported that the resource has expired${suffix}`,
      };
    case 413:
      return {
        reason: 'RequestEntityTooLarge',
        message: `the server has rejected the request because it is too large${suffix}`,
      };
    case 415:
      return {
        reason: 'UnsupportedMediaType',
        message: `the server was unable to respond with a content type that the client supports${suffix}`,
      };
    case 422:
      return {
        reason: 'Invalid',
        message: `the server rejected our request due to an error in our request${suffix}`,
      };
    case 429:
      return {
        reason: 'TooManyRequests',
        message: `the server has received too many requests and has asked us to try again later${suffix}`,
      };
    case 500:
      return {
        reason: 'InternalError',
        message: `an error on the server (${JSON.stringify(body || 'unknown')}) has prevented the request from succeeding${suffix}`,
      };
    case 503:
      return {
        reason: 'ServiceUnavailable',
        message: `the server is currently unable to handle the request${suffix}`,
      };
    case 504:
      return {
        reason: 'Timeout',
        message: `the server was unable to return a response in the time allotted, but may still be processing the request${suffix}`,
      };
    default:
      // apimachinery's NewGenericServerResponse: only 5xx codes blame the server.
      if (code >= 500)
        return {
          reason: '',
          message: `an error on the server (${JSON.stringify(body || 'unknown')}) has prevented the request from succeeding${suffix}`,
        };
      return {
        reason: '',
        message: `the server responded with the status code ${code} but did not return more information${suffix}`,
      };
  }
}

/** Parses `Warning` headers (RFC 7234 style, code 299 only) into their texts. */
export function parseWarningHeaders(values: string | string[] | undefined): string[] {
  if (values === undefined) return [];
  const list = Array.isArray(values) ? values : [values];
  const texts: string[] = [];
  for (const header of list) {
    const re = /\s*(\d{3})\s+(\S+)\s+"((?:[^"\\]|\\.)*)"(?:\s+"[^"]*")?\s*,?/gy;
    let match: RegExpExecArray | null;
    while ((match = re.exec(header)) !== null) {
      const text = (match[3] ?? '').replace(/\\(.)/g, '$1');
      if (match[1] === '299' && text !== '') texts.push(text);
    }
  }
  return texts;
}
