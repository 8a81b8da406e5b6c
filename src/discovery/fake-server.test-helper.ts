import { readFileSync } from 'node:fs';
import type { HttpResponse, RequestOptions } from '../transport/http-client.js';
import { statusErrorFromResponse } from '../transport/status-error.js';
import type { DiscoveryHttp } from './fetch-live.js';

/** Recorded responses of the real local API server (test/fixtures/recorded/discovery). */
export const fixtureDir = new URL('../../test/fixtures/recorded/discovery/', import.meta.url);

/** A recorded fixture file as text. */
export function fixture(name: string): string {
  return readFileSync(new URL(name, fixtureDir), 'utf8');
}

const AGGREGATED_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/**
 * A stand-in API server answering discovery paths from the recorded responses; counts the
 * requests. `aggregated: false` plays a server without aggregated discovery; `failing` lists
 * group-version paths that answer 503.
 */
export class FakeDiscoveryServer implements DiscoveryHttp {
  readonly paths: string[] = [];
  private readonly groupVersions = JSON.parse(fixture('legacy-group-versions.json')) as Record<
    string,
    unknown
  >;
  constructor(
    private readonly options: { aggregated: boolean; failing?: string[]; extraApis?: unknown },
  ) {}

  async request(request: RequestOptions): Promise<HttpResponse> {
    this.paths.push(request.path);
    const aggregatedAsked = (request.accept ?? '').includes('g=apidiscovery.k8s.io');
    if (
      (request.path === '/api' || request.path === '/apis') &&
      this.options.aggregated &&
      aggregatedAsked
    ) {
      const body = JSON.parse(fixture(`aggregated-${request.path.slice(1)}.json`)) as {
        items: unknown[];
      };
      if (request.path === '/apis' && this.options.extraApis)
        body.items.push(this.options.extraApis);
      return respond(200, JSON.stringify(body), AGGREGATED_TYPE);
    }
    if (request.path === '/api' || request.path === '/apis')
      return respond(200, fixture(`legacy-${request.path.slice(1)}.json`), 'application/json');
    if (this.options.failing?.includes(request.path)) {
      const response = respond(503, 'service unavailable', 'text/plain');
      if (request.allowErrorStatus) return response;
      throw statusErrorFromResponse(503, response.body, 'text/plain', '');
    }
    const body = this.groupVersions[request.path];
    if (body === undefined) throw statusErrorFromResponse(404, Buffer.from(''), 'text/plain', '');
    return respond(200, JSON.stringify(body), 'application/json');
  }
}

function respond(status: number, body: string, contentType: string): HttpResponse {
  return { status, headers: { 'content-type': contentType }, body: Buffer.from(body) };
}
