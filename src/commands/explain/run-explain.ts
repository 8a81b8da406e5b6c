import { BareError, NoResourceTypeError, PlainError } from '../../errors/errors.js';
import type { ResourceMapping, RestMapper } from '../../discovery/index.js';
import { parseGroupVersion } from '../../discovery/index.js';
import type { Factory } from '../../runtime/factory.js';
import type { ExplainRequest } from './explain-plaintext.js';
import { ExplainError, renderPlaintext } from './explain-plaintext.js';

/** What `explain` was asked for. */
export interface ExplainOptions {
  apiVersion: string;
  recursive: boolean;
  output: string;
}

/** Prints kubectl explain's plaintext documentation from the server's OpenAPI v3 schema. */
export async function runExplain(
  factory: Factory,
  args: string[],
  options: ExplainOptions,
): Promise<void> {
  if (args.length === 0)
    throw new PlainError(
      'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  if (args.length > 1) throw new PlainError('We accept only this format: explain RESOURCE');
  if (options.output !== 'plaintext')
    throw new PlainError(
      `unsupported output format: ${options.output} (ktl explains from OpenAPI v3 only)`,
    );
  const mapper = await factory.restMapper();
  const request = await resolveRequest(mapper, args[0] ?? '', options).catch((error: unknown) => {
    // explain hands the mapper's NoResourceMatchError to CheckErr, which prints it bare.
    if (!(error instanceof NoResourceTypeError)) throw error;
    throw new BareError(error.message);
  });
  const openapi = await factory.openapiV3();
  const document = await openapi.documentFor(request.group, request.version);
  if (!document)
    throw new PlainError(
      `couldn't find resource for "${request.group}/${request.version}, Resource=${request.resource}"`,
    );
  try {
    factory.streams.out.write(renderPlaintext(document, request));
  } catch (error) {
    if (error instanceof ExplainError) factory.streams.out.write(error.printed);
    throw error;
  }
}

/** kubectl's SplitAndParseResourceRequest(WithMatchingPrefix): the resource and the field path. */
async function resolveRequest(
  mapper: RestMapper,
  input: string,
  options: ExplainOptions,
): Promise<ExplainRequest> {
  const trimmed = input.endsWith('.') ? input.slice(0, -1) : input;
  const parts = trimmed.split('.');
  const name = parts[0] ?? '';
  if (options.apiVersion) {
    const found = await mapper.resourceFor(name);
    const { group, version } = parseGroupVersion(options.apiVersion);
    return {
      group,
      version,
      resource: found.resource,
      fieldPath: parts.slice(1),
      recursive: options.recursive,
    };
  }
  const candidates = await mapper.resourcesFor(name);
  for (const candidate of candidates) {
    const groupResource = candidate.group
      ? `${candidate.resource}.${candidate.group}`
      : candidate.resource;
    if (trimmed.startsWith(groupResource)) {
      const suffix = trimmed.slice(groupResource.length);
      return requestFor(candidate, suffix.length > 0 ? suffix.slice(1).split('.') : [], options);
    }
  }
  return requestFor(candidates[0] as ResourceMapping, parts.slice(1), options);
}

function requestFor(
  mapping: ResourceMapping,
  fieldPath: string[],
  options: ExplainOptions,
): ExplainRequest {
  return {
    group: mapping.group,
    version: mapping.version,
    resource: mapping.resource,
    fieldPath,
    recursive: options.recursive,
  };
}
