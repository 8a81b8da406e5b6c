/**
 * `create role --resource`: each resource[.group] resolved by the discovery REST mapper, as
 * kubectl's mapper.ResourceFor does (short names, singular names, custom resources). Without a
 * server (a --dry-run=client run offline) ktl falls back to its built-in table.
 */
import { NoResourceTypeError } from '../../errors/errors.js';
import type {
  ResolvedResource,
  ResourceResolver,
  ResourceSpec,
} from '../../resources/generators/rbac.js';
import { resolveResource } from '../../resources/generators/rbac.js';
import type { Factory } from '../../runtime/factory.js';

/** kubectl's NoResourceMatchError, printed without "error: ". */
export class NoResourceMatch extends Error {
  constructor(resource: string, group: string) {
    super(
      group === ''
        ? `the server doesn't have a resource type "${resource}"`
        : `the server doesn't have a resource type "${resource}" in group "${group}"`,
    );
  }
}

function key(resource: string, group: string): string {
  return `${resource}\u001f${group}`;
}

/** Looks every resource up once, then answers synchronously. */
export async function discoveryResolver(
  factory: Factory,
  specs: readonly ResourceSpec[],
): Promise<ResourceResolver> {
  const answers = new Map<string, ResolvedResource>();
  for (const { resource, group } of specs) {
    if (resource === '' || resource === '*' || answers.has(key(resource, group))) continue;
    const answer = await lookUp(factory, resource, group);
    if (answer === undefined) return resolveResource;
    answers.set(key(resource, group), answer);
  }
  return (resource, group) => answers.get(key(resource, group)) ?? resolveResource(resource, group);
}

/** The mapper's answer, or undefined when discovery cannot be read at all. */
async function lookUp(
  factory: Factory,
  resource: string,
  group: string,
): Promise<ResolvedResource | undefined> {
  try {
    const mapper = await factory.restMapper();
    const mapping = await mapper.mappingFor(group === '' ? resource : `${resource}.${group}`);
    return { resource: mapping.resource, group: mapping.group };
  } catch (error) {
    if (!(error instanceof NoResourceTypeError)) return undefined;
    return { resource, group, error: new NoResourceMatch(resource, group) };
  }
}
