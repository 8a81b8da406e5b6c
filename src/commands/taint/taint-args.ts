/**
 * The arguments of `ktl taint` as kubectl's TaintOptions.Complete/Validate read them: resources
 * first (TYPE then NAMEs), then taint specs; every check kubectl makes before a request.
 */
import { BareError, PlainError, UsageError } from '../../errors/errors.js';
import type { ResourceMapping } from '../../discovery/index.js';
import type { TaintChanges } from '../../resources/node/taints.js';
import { conflictingTaints, parseTaintSpecs, TaintSpecError } from '../../resources/node/taints.js';
import type { Factory } from '../../runtime/factory.js';

export interface TaintRequest {
  mapping: ResourceMapping;
  /** Node names (empty with -l or --all). */
  names: string[];
  changes: TaintChanges;
}

function isTaintArg(arg: string): boolean {
  return arg.includes('=') || arg.includes(':') || arg.endsWith('-');
}

/** Splits `TYPE NAME... SPEC...`; a resource after a spec is kubectl's error. */
function splitArgs(args: readonly string[]): { resources: string[]; specs: string[] } {
  const resources: string[] = [];
  const specs: string[] = [];
  for (const arg of args) {
    if (isTaintArg(arg)) specs.push(arg);
    else if (specs.length > 0) {
      throw new PlainError(`all resources must be specified before taint changes: ${arg}`);
    } else resources.push(arg);
  }
  return { resources, specs };
}

function parseSpecs(specs: string[], commandPath: string): TaintChanges {
  try {
    return parseTaintSpecs(specs);
  } catch (error) {
    if (!(error instanceof TaintSpecError)) throw error;
    if (error.withHelpHint) throw new UsageError(error.message, commandPath);
    throw new PlainError(error.message);
  }
}

async function nodeMapping(factory: Factory, type: string): Promise<ResourceMapping> {
  const mapper = await factory.restMapper();
  try {
    return await mapper.mappingFor(type);
  } catch (error) {
    // kubectl prints the mapper's message on its own line here (no `error: `)
    if (error instanceof Error && /doesn't have a resource type/.test(error.message)) {
      throw new BareError(error.message);
    }
    throw error;
  }
}

/** Everything kubectl checks before it fetches a node. */
export async function taintRequest(
  factory: Factory,
  args: readonly string[],
  selector: string | undefined,
  all: boolean,
): Promise<TaintRequest> {
  const { resources, specs } = splitArgs(args);
  const type = resources[0];
  if (type === undefined) {
    throw new PlainError('one or more resources must be specified as <resource> <name>');
  }
  if (specs.length === 0) throw new PlainError('at least one taint update is required');
  const changes = parseSpecs(specs, factory.commandPath);
  const resourceType = type.toLowerCase();
  const mapping = await nodeMapping(factory, resourceType);
  if (mapping.kind !== 'Node') {
    throw new PlainError(`invalid resource type ${resourceType}, only node types are supported`);
  }
  const conflict = conflictingTaints(changes);
  if (conflict !== undefined) throw new PlainError(conflict);
  const hasSelector = selector !== undefined && selector !== '';
  if (all && hasSelector) {
    throw new PlainError("setting 'all' parameter with a non empty selector is prohibited");
  }
  if (!all && !hasSelector && resources.length < 2) {
    throw new PlainError(
      "at least one resource name must be specified since 'all' parameter is not set",
    );
  }
  return { mapping, names: all || hasSelector ? [] : resources.slice(1), changes };
}
