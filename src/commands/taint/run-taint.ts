/**
 * `ktl taint`: adds, overwrites and removes node taints as kubectl's TaintOptions.RunTaint does:
 * every node is fetched, its new taints computed (resources/node/taints), and a strategic merge
 * patch of spec.taints sent with fieldManager kubectl-taint; `node/x tainted|untainted|modified`.
 */
import { MultipleErrors, PlainError } from '../../errors/errors.js';
import type { Taint, TaintChanges } from '../../resources/node/taints.js';
import { alreadyPresentKeys, reorganizeTaints } from '../../resources/node/taints.js';
import { collectionPath, objectPath } from '../../resources/resource-ref.js';
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

async function nodesOf(factory: Factory, request: TaintRequest, selector?: string) {
  const client = await factory.client();
  if (request.names.length === 0) {
    const list = await client.json<{ items?: NodeObject[] }>({
      path: collectionPath(request.mapping),
      query: { labelSelector: selector || undefined },
    });
    return (list.items ?? []).map((node) => Promise.resolve(node));
  }
  return request.names.map((name) =>
    client.json<NodeObject>({ path: objectPath(request.mapping, name) }),
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
  for (const pending of await nodesOf(factory, request, flags.selector)) {
    try {
      const node = await pending;
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
