import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenApiDocument } from '../../../src/resources/validation/schema-types.js';

const dir = join(new URL('../../fixtures/recorded/openapi', import.meta.url).pathname);

/** A recorded OpenAPI v3 document of the v1.34 API server ("api/v1", "apis/apps/v1"). */
export function recordedDocument(path: string): OpenApiDocument {
  return JSON.parse(
    readFileSync(join(dir, `${path.replace(/\//g, '_')}.json`), 'utf8'),
  ) as OpenApiDocument;
}
