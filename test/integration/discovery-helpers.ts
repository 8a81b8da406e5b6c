/**
 * Helpers for the discovery tests: an in-process Factory pointed at the local cluster, and
 * what kubectl resolved a type argument to, read from the list URLs of its -v=6 log.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { ClusterFactory } from '../../src/runtime/cluster-factory.js';
import type { Factory } from '../../src/runtime/factory.js';
import { formatError } from '../../src/errors/format-error.js';
import { adminKubeconfig, kubectl } from '../helpers/cluster.js';

/** A fresh, empty cache root. */
export function tempCacheDir(): string {
  return mkdtempSync(join(tmpdir(), 'ktl-cache-'));
}

/** A Factory on the admin kubeconfig with a given cache root; requests are counted. */
export function factoryWithCache(cacheDir: string): {
  factory: Factory;
  requests: string[];
  stderr: () => string;
} {
  let err = '';
  const streams = {
    in: new PassThrough(),
    out: { write: () => true },
    err: { write: (chunk: string | Uint8Array) => ((err += String(chunk)), true) },
  };
  const factory = new ClusterFactory(
    { kubeconfig: adminKubeconfig, cacheDir },
    streams,
    'ktl get',
    {
      HOME: cacheDir,
    },
  );
  const requests: string[] = [];
  factory.addRequestLogger({
    request: (_m, url) => requests.push(url.pathname),
    response: () => undefined,
  });
  return { factory, requests, stderr: () => err };
}

/** Lines like "apps/v1/deployments" for each mapping, or kubectl's error text. */
export async function ktlResolves(factory: Factory, input: string): Promise<string> {
  try {
    const mapper = await factory.restMapper();
    const mappings = await mapper.resolveTypes(input);
    return mappings
      .map((m) => `${m.group ? `${m.group}/` : ''}${m.version}/${m.resource}`)
      .join(' ');
  } catch (error) {
    return formatError(error).text.trim();
  }
}

const LIST_URL =
  /"Response" verb="GET" url="https:\/\/[^/]+\/(?:api|apis\/([^/]+))\/([^/]+)\/([^/?]+)\?labelSelector=[^&"]*&limit=500"/;

/** What `kubectl get INPUT -A` listed (same format as ktlResolves), or its error line. */
export async function kubectlResolves(input: string, cacheDir: string): Promise<string> {
  // A selector that matches nothing keeps every list to one small page.
  const args = ['get', input, '-A', '-o', 'name', '-l', 'ktl.test/none=1', '-v=6'];
  const result = await kubectl([...args, '--cache-dir', cacheDir]);
  const found: string[] = [];
  for (const line of result.stderr.split('\n')) {
    const match = LIST_URL.exec(line);
    if (match) found.push(`${match[1] ? `${match[1]}/` : ''}${match[2]}/${match[3]}`);
  }
  if (found.length > 0) return found.join(' ');
  const errorLine = result.stderr.split('\n').find((l) => l.startsWith('error:'));
  return errorLine ?? `unparsed: ${result.stderr.slice(-300)}`;
}
