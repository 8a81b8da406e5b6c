import { isIP } from 'node:net';
import { PlainError } from '../errors/errors.js';

/** Checks a cluster's proxy-url as client-go does. */
export function parseProxyUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PlainError(`parse "${text}": invalid proxy URL`);
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (!['http', 'https', 'socks5'].includes(scheme))
    throw new PlainError(`unsupported scheme "${scheme}", must be http, https, or socks5`);
  return url;
}

function envValue(env: NodeJS.ProcessEnv, name: string): string {
  return env[name.toUpperCase()] || env[name.toLowerCase()] || '';
}

function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

/** Whether an IPv4 address lies in a CIDR block (client-go adds CIDRs to Go's NO_PROXY). */
function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bitsText = ''] = cidr.split('/');
  const bits = Number(bitsText);
  if (isIP(ip) !== 4 || isIP(base) !== 4 || !Number.isInteger(bits) || bits < 0 || bits > 32)
    return false;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (ipv4ToInt(ip) & mask) >>> 0 === (ipv4ToInt(base) & mask) >>> 0;
}

/** Whether NO_PROXY excludes host:port (Go's httpproxy rules: *, IPs, CIDRs, domains, ports). */
export function bypassedByNoProxy(host: string, port: string, noProxy: string): boolean {
  for (const raw of noProxy.split(',')) {
    let entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    if (entry.includes('/')) {
      if (inCidr(host, entry)) return true;
      continue;
    }
    if (isIP(entry)) {
      if (entry === host) return true;
      continue;
    }
    let entryPort = '';
    const colon = entry.lastIndexOf(':');
    if (colon > 0 && !entry.includes(']')) {
      entryPort = entry.slice(colon + 1);
      entry = entry.slice(0, colon);
    }
    if (isIP(entry)) {
      if (entry === host && (!entryPort || entryPort === port)) return true;
      continue;
    }
    if (entryPort && entryPort !== port) continue;
    if (entry.startsWith('*.')) entry = entry.slice(1);
    if (entry.startsWith('.')) {
      if (host.endsWith(entry)) return true;
    } else if (host === entry || host.endsWith(`.${entry}`)) return true;
  }
  return false;
}

/**
 * The proxy for a request: the cluster's proxy-url if set (for every host), else HTTPS_PROXY
 * or HTTP_PROXY by the target's scheme, minus NO_PROXY and loopback hosts, as Go does.
 */
export function proxyFor(
  target: URL,
  proxyUrl: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): URL | undefined {
  if (proxyUrl) return parseProxyUrl(proxyUrl);
  const https = target.protocol === 'https:';
  const value = envValue(env, https ? 'HTTPS_PROXY' : 'HTTP_PROXY');
  if (!value) return undefined;
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = target.port || (https ? '443' : '80');
  if (isLoopback(host) || bypassedByNoProxy(host, port, envValue(env, 'NO_PROXY')))
    return undefined;
  return parseProxyUrl(value.includes('://') ? value : `http://${value}`);
}
