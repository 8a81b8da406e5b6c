/**
 * `TYPE NAME...` or `TYPE/NAME...` arguments, resolved with the discovery REST mapper (short
 * names, kinds and custom resources, as kubectl's builder does), and fetched.
 */
import { groupVersionString } from '../../discovery/index.js';
import { NoResourcesError, PlainError } from '../../errors/errors.js';
import type { KnownKind } from '../../resources/generators/known-kinds.js';
import { resourcePath } from '../../resources/generators/known-kinds.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { Factory } from '../../runtime/factory.js';

/** One object named on the command line. */
export interface ResourceArg {
  kind: KnownKind;
  name: string;
}

/** Resolves one type argument to where it lives, including whether it has /scale. */
async function resolve(factory: Factory, type: string): Promise<KnownKind> {
  const mapper = await factory.restMapper();
  const mapping = await mapper.mappingFor(type);
  const snapshot = await (await factory.discovery()).snapshot();
  const list = snapshot.resources.get(groupVersionString(mapping.group, mapping.version));
  const scalable = (list?.resources ?? []).some((r) => r.name === `${mapping.resource}/scale`);
  return {
    kind: mapping.kind,
    group: mapping.group,
    version: mapping.version,
    resource: mapping.resource,
    namespaced: mapping.namespaced,
    aliases: mapping.shortNames,
    scalable,
  };
}

/** resource.Builder's ResourceTypeOrNameArgs for the forms expose and autoscale take. */
export async function parseResourceArgs(
  factory: Factory,
  args: readonly string[],
): Promise<ResourceArg[]> {
  if (args.length === 0) throw new NoResourcesError();
  if (args.every((a) => a.includes('/'))) {
    const targets: ResourceArg[] = [];
    for (const arg of args) {
      const slash = arg.indexOf('/');
      targets.push({
        kind: await resolve(factory, arg.slice(0, slash)),
        name: arg.slice(slash + 1),
      });
    }
    return targets;
  }
  if (args.some((a) => a.includes('/')))
    throw new PlainError(
      `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
    );
  const [type = '', ...names] = args;
  const kinds: KnownKind[] = [];
  for (const part of type.split(',')) kinds.push(await resolve(factory, part));
  if (names.length === 0)
    throw new PlainError('resource(s) were provided, but no name was specified');
  return kinds.flatMap((kind) => names.map((name) => ({ kind, name })));
}

/** GETs a named object. */
export async function fetchObject(
  factory: Factory,
  target: ResourceArg,
  namespace: string,
): Promise<KubeObject> {
  const client = await factory.client();
  return client.json<KubeObject>({ path: resourcePath(target.kind, namespace, target.name) });
}
