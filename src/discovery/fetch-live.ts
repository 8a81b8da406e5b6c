import type { HttpResponse, RequestOptions } from '../transport/http-client.js';
import { decodeJson } from '../transport/decode-json.js';
import { statusErrorFromResponse } from '../transport/status-error.js';
import { AGGREGATED_ACCEPT, convertAggregated, isAggregatedContentType } from './aggregated.js';
import type {
  AggregatedDiscoveryList,
  APIGroup,
  APIGroupList,
  APIResourceList,
  APIVersions,
} from './types.js';

/** client-go's discovery client gives up after 32 s when no --request-timeout is set. */
export const DISCOVERY_TIMEOUT_MS = 32_000;

/** The one thing discovery needs from the transport (HttpClient satisfies it). */
export interface DiscoveryHttp {
  request(options: RequestOptions): Promise<HttpResponse>;
}

/** What /api and /apis said: groups, and resources when both were aggregated. */
export interface LiveGroups {
  groups: APIGroup[];
  resources: Map<string, APIResourceList> | undefined;
  failed: Map<string, string>;
}

/** Fetches /api and /apis in parallel, asking for aggregated discovery (client-go's order). */
export async function fetchGroups(http: DiscoveryHttp): Promise<LiveGroups> {
  const [core, named] = await Promise.all([
    http.request({
      path: '/api',
      accept: AGGREGATED_ACCEPT,
      allowErrorStatus: true,
      defaultTimeoutMs: DISCOVERY_TIMEOUT_MS,
    }),
    http.request({
      path: '/apis',
      accept: AGGREGATED_ACCEPT,
      defaultTimeoutMs: DISCOVERY_TIMEOUT_MS,
    }),
  ]);
  // A 404 on /api is tolerated (aggregated API servers answer so); other failures are errors.
  if (core.status !== 404 && (core.status < 200 || core.status > 299)) {
    throw statusErrorFromResponse(core.status, core.body, core.headers['content-type'], '');
  }
  const coreResult = core.status === 404 ? emptyAggregated() : parseGroupsResponse(core, true);
  const namedResult = parseGroupsResponse(named, false);
  const groups = [...coreResult.groups, ...namedResult.groups];
  const failed = new Map([...coreResult.failed, ...namedResult.failed]);
  if (!coreResult.resources || !namedResult.resources)
    return { groups, resources: undefined, failed };
  return {
    groups,
    resources: new Map([...coreResult.resources, ...namedResult.resources]),
    failed,
  };
}

function emptyAggregated(): LiveGroups {
  return { groups: [], resources: new Map(), failed: new Map() };
}

function parseGroupsResponse(response: HttpResponse, isCore: boolean): LiveGroups {
  const body = decodeJson<unknown>(response.body);
  if (isAggregatedContentType(response.headers['content-type'])) {
    return convertAggregated(body as AggregatedDiscoveryList);
  }
  if (isCore) {
    const versions = (body as APIVersions).versions ?? [];
    const list = versions.map((v) => ({ groupVersion: v, version: v }));
    const first = list[0];
    const groups = first ? [{ name: '', versions: list, preferredVersion: first }] : [];
    return { groups, resources: undefined, failed: new Map() };
  }
  return { groups: (body as APIGroupList).groups ?? [], resources: undefined, failed: new Map() };
}

/** GET /api/v1 or /apis/<group>/<version> (the legacy per-group-version document). */
export async function fetchResourceList(
  http: DiscoveryHttp,
  groupVersion: string,
): Promise<APIResourceList> {
  const path = groupVersion.includes('/') ? `/apis/${groupVersion}` : `/api/${groupVersion}`;
  const response = await http.request({
    path,
    accept: 'application/json, */*',
    defaultTimeoutMs: DISCOVERY_TIMEOUT_MS,
  });
  const list = decodeJson<APIResourceList>(response.body);
  // Old servers leave out groupVersion; client-go fills it in the same way.
  return {
    ...list,
    groupVersion: list.groupVersion || groupVersion,
    resources: list.resources ?? null,
  };
}
