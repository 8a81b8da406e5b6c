import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { HttpResponse, RequestOptions } from '../transport/http-client.js';
import { OpenApiV3Client } from './openapi-v3.js';

const document = {
  openapi: '3.0.0',
  info: { title: 'Kubernetes', version: 'v1.34.4' },
  paths: {},
  components: {
    schemas: {
      'io.k8s.api.apps.v1.Deployment': {
        type: 'object',
        'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Deployment' }],
        properties: {
          spec: { allOf: [{ $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec' }] },
        },
      },
      'io.k8s.api.apps.v1.DeploymentSpec': {
        type: 'object',
        properties: { replicas: { type: 'integer' } },
      },
    },
  },
};

/** Serves an index (with an ETag, answering If-None-Match) and one document per hash. */
class FakeOpenApi {
  readonly requests: string[] = [];
  hash = 'AAA';
  async request(options: RequestOptions): Promise<HttpResponse> {
    const etag = `"${this.hash}-index"`;
    this.requests.push(`${options.path} ${options.headers?.['if-none-match'] ?? ''}`.trim());
    if (options.path === '/openapi/v3') {
      if (options.headers?.['if-none-match'] === etag)
        return { status: 304, headers: {}, body: Buffer.from('') };
      const index = {
        paths: {
          'apis/apps/v1': { serverRelativeURL: `/openapi/v3/apis/apps/v1?hash=${this.hash}` },
        },
      };
      return { status: 200, headers: { etag }, body: Buffer.from(JSON.stringify(index)) };
    }
    return { status: 200, headers: {}, body: Buffer.from(JSON.stringify(document)) };
  }
}

test('documents are kept by hash; the index is revalidated with its ETag', async () => {
  const cacheRoot = mkdtempSync(join(tmpdir(), 'ktl-openapi-'));
  const server = new FakeOpenApi();
  const make = (): OpenApiV3Client =>
    new OpenApiV3Client({ http: async () => server, cacheRoot, host: 'https://h:6443' });
  const first = await make().schemaFor({ group: 'apps', version: 'v1', kind: 'Deployment' });
  assert.equal(first?.name, 'io.k8s.api.apps.v1.Deployment');
  const spec = first?.schema.properties?.['spec'];
  assert.equal(first?.resolve(spec), spec, 'a schema object resolves to itself');
  assert.deepEqual(
    first?.resolve({ $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec' })?.properties,
    {
      replicas: { type: 'integer' },
    },
  );
  assert.deepEqual(server.requests, ['/openapi/v3', '/openapi/v3/apis/apps/v1?hash=AAA']);

  server.requests.length = 0;
  await make().documentFor('apps', 'v1');
  assert.deepEqual(
    server.requests,
    ['/openapi/v3 "AAA-index"'],
    'warm: a 304 and no schema request',
  );

  server.hash = 'BBB';
  server.requests.length = 0;
  await make().documentFor('apps', 'v1');
  assert.deepEqual(server.requests, [
    '/openapi/v3 "AAA-index"',
    '/openapi/v3/apis/apps/v1?hash=BBB',
  ]);
  const files = readdirSync(join(cacheRoot, 'ktl-openapi', 'h_6443')).sort();
  assert.deepEqual(files, ['apis_apps_v1.BBB.json', 'index.json'], 'the old hash was removed');
});
