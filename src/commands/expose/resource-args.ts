/** `TYPE NAME...` or `TYPE/NAME...` arguments, resolved against the built-in kinds, and fetched. */
import { NoResourceTypeError, PlainError } from '../../errors/errors.js';
import type { KnownKind } from '../../resources/generators/known-kinds.js';
import { kindForResourceArg, resourcePath } from '../../resources/generators/known-kinds.js';
import type { KubeObject } from '../../resources/generators/object.js';
import type { Factory } from '../factory.js';

/** One object named on the command line. */
export interface ResourceArg {
  kind: KnownKind;
  name: string;
}

const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

function resolve(type: string): KnownKind {
  const kind = kindForResourceArg(type);
  if (!kind) throw new NoResourceTypeError(type);
  return kind;
}

/** resource.Builder's ResourceTypeOrNameArgs for the forms expose and autoscale take. */
export function parseResourceArgs(args: readonly string[]): ResourceArg[] {
  if (args.length === 0) throw new PlainError(NO_RESOURCES);
  if (args.every((a) => a.includes('/'))) {
    return args.map((arg) => {
      const slash = arg.indexOf('/');
      return { kind: resolve(arg.slice(0, slash)), name: arg.slice(slash + 1) };
    });
  }
  if (args.some((a) => a.includes('/')))
    throw new PlainError(
      `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
    );
  const [type = '', ...names] = args;
  const kinds = type.split(',').map(resolve);
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
