/**
 * `ktl taint`: adds, overwrites and removes node taints as kubectl's TaintOptions.RunTaint does:
 * every node is fetched, its new taints computed (resources/node/taints), and a strategic merge
 * patch of spec.taints sent with fieldManager kubectl-taint; `node/x tainted|untainted|modified`.
 */
import { MultipleErrors, PlainError } from '../../errors/errors.js';
import type { Taint, TaintChanges } from '../../resources/node/taints.js';
import { alreadyPresentKeys, reorganizeTaints } from '../../resources/node/taints.js';
import { infosInOrder, ResourceBuilder } from '../../resources/builder/index.js';
import { objectPath } from '../../resources/resource-ref.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { Factory } from '../../runtime/factory.js';
import { dryRunStrategy, validationDirective } from '../../runtime/mutation-flags.js';
import type { PrintFlagValues } from '../../runtime/template-output.js';
import { checkResultOutput, ResultPrinter } from '../../runtime/result-printer.js';
import type { TaintRequest } from './taint-args.js';
import { taintRequest } from './taint-args.js';

export interface TaintFlags extends PrintFlagValues {
  all?: boolean;
  selector?: string;
  overwrite?: boolean;
  dryRun?: string | boolean;
  validate?: string | boolean;
  fieldManager: string;
}

interface NodeObject extends KubeObject {
  spec?: { taints?: Taint[]; [key: string]: unknown };
}

/** A taint as the API serialises it: `value` omitted when empty (omitempty). */
function wireTaint(taint: Taint): Taint {
  const { key, value, effect, timeAdded } = taint;
  return {
    key,
    ...(value ? { value } : {}),
    effect,
    ...(timeAdded ? { timeAdded } : {}),
  };
}

/** kubectl's Aggregate wording: one error as itself, several in brackets. */
function aggregate(messages: string[]): string {
  return messages.length === 1 ? (messages[0] ?? '') : `[${messages.join(', ')}]`;
}

/**
 * The nodes to taint, read through the resource builder before any is changed: each one, or the
 * error reading it (kubectl's ContinueOnError), in argument or list order.
 */
async function nodesOf(
  factory: Factory,
  request: TaintRequest,
  selector?: string,
): Promise<Array<NodeObject | Error>> {
  const type = request.mapping.resource;
  const builder = new ResourceBuilder(factory);
  if (request.names.length === 0)
    builder.labelSelectorParam(selector).resourceTypeOrNameArgs([type], true);
  else builder.resourceTypeOrNameArgs([type, ...request.names]);
  return infosInOrder(await builder.infos()).map((item) =>
    item instanceof Error ? item : (item.object as NodeObject),
  );
}

/** The new taints of one node and kubectl's word for the change, or the error that stops it. */
function updated(
  node: NodeObject,
  changes: TaintChanges,
  overwrite: boolean,
): { taints: Taint[]; operation: string } {
  const current = node.spec?.taints ?? [];
  if (!overwrite) {
    const present = alreadyPresentKeys(current, changes.add);
    if (present !== '') {
      throw new PlainError(
        `node ${node.metadata?.name ?? ''} already has ${present} taint(s) with same effect(s) and --overwrite is false`,
      );
    }
  }
  const result = reorganizeTaints(current, overwrite, changes);
  if (result.notFound.length > 0) throw new PlainError(aggregate(result.notFound));
  return { taints: result.taints.map(wireTaint), operation: result.operation };
}

/** Runs `ktl taint`. */
export async function runTaint(factory: Factory, args: string[], flags: TaintFlags): Promise<void> {
  checkResultOutput(flags);
  const dryRun = dryRunStrategy(flags.dryRun, (text) => factory.streams.err.write(text));
  const fieldValidation = validationDirective(flags.validate);
  const request = await taintRequest(factory, args, flags.selector, flags.all === true);
  const client = await factory.client();
  // kubectl's printer takes the operation as its verb, which drops the dry-run suffix
  const printer = new ResultPrinter(factory.streams.out, flags, 'none');
  const errors: Error[] = [];
  for (const node of await nodesOf(factory, request, flags.selector)) {
    try {
      if (node instanceof Error) throw node;
      const { taints, operation } = updated(node, request.changes, flags.overwrite === true);
      const before = JSON.stringify((node.spec?.taints ?? []).map(wireTaint));
      const changed = JSON.stringify(taints) !== before;
      const patched: NodeObject = { ...node, spec: { ...node.spec, taints } };
      if (taints.length === 0 && patched.spec) delete patched.spec.taints;
      let shown: KubeObject = patched;
      if (dryRun !== 'client') {
        shown = await client.json<KubeObject>({
          method: 'PATCH',
          path: objectPath(request.mapping, node.metadata?.name ?? ''),
          contentType: 'application/strategic-merge-patch+json',
          body: JSON.stringify(
            changed ? { spec: { taints: taints.length > 0 ? taints : null } } : {},
          ),
          query: {
            fieldManager: flags.fieldManager,
            fieldValidation,
            dryRun: dryRun === 'server' ? 'All' : undefined,
          },
        });
      }
      await printer.print(request.mapping, shown, operation);
    } catch (error) {
      errors.push(error as Error);
    }
  }
  if (errors.length === 1) throw errors[0] as Error;
  if (errors.length > 1) throw new MultipleErrors(errors);
}
