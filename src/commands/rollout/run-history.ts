/** `ktl rollout history`: a REVISION / CHANGE-CAUSE table, or one revision's pod template. */
import { PlainError, failWithErrors } from '../../errors/errors.js';
import { describePodTemplate } from '../../resources/describe/pod-template.js';
import { PrefixWriter } from '../../resources/describe/prefix-writer.js';
import { TabWriter } from '../../resources/tabwriter/tabwriter.js';
import { kindGroupName } from '../../resources/resource-ref.js';
import type { Factory } from '../../runtime/factory.js';
import type { FetchedInfo } from '../../resources/builder/index.js';
import { checkResultOutput, ResultPrinter } from '../../runtime/result-printer.js';
import type { PrintFlagValues } from '../../runtime/template-output.js';
import { effectiveOutput } from '../../runtime/template-output.js';
import type { Revision } from './revisions.js';
import { toTypedJson } from '../../printers/json-text.js';
import { withoutManagedFields } from '../../printers/managed-fields.js';
import { revisionsOf } from './revisions.js';
import { rolloutTargets } from './targets.js';
import { intFlag } from '../../runtime/flag-values.js';

/** The flags of `rollout history`. */
export interface HistoryFlags extends PrintFlagValues {
  revision: string;
  selector?: string;
}

/** Runs `ktl rollout history`. */
export async function runHistory(
  factory: Factory,
  args: string[],
  flags: HistoryFlags,
): Promise<void> {
  const revision = intFlag('--revision', flags.revision, factory.commandPath);
  checkResultOutput(flags);
  const output = effectiveOutput(flags);
  const targets = await rolloutTargets(factory, args, flags);
  const errors = [...targets.errors];
  for (const target of targets.objects) {
    try {
      const revisions = await revisionsOf(factory, target);
      if (output && output !== 'name')
        await printRevisions(factory, revisions ?? [], revision, flags);
      else factory.streams.out.write(historyText(target, revisions, revision, output));
    } catch (error) {
      errors.push(error as Error);
    }
  }
  failWithErrors(errors);
}

/** -o json|yaml|jsonpath: the objects holding the revisions (all, or the one of --revision). */
async function printRevisions(
  factory: Factory,
  revisions: Revision[],
  revision: number,
  flags: PrintFlagValues,
): Promise<void> {
  const chosen = revision > 0 ? revisions.filter((r) => r.revision === revision) : revisions;
  if (revision > 0 && chosen.length === 0)
    throw new PlainError('unable to find the specified revision');
  const printer = new ResultPrinter(factory.streams.out, flags);
  for (const { source, sourceRef } of chosen) {
    const apiVersion = `${sourceRef.group}/${sourceRef.version}`;
    const object = { kind: sourceRef.kind, apiVersion, ...source };
    // kubectl prints the history viewer's typed objects: keys in Go struct order, not sorted.
    if (effectiveOutput(flags) === 'json')
      factory.streams.out.write(toTypedJson(withoutManagedFields(object)));
    else await printer.print({ ...sourceRef, ...EMPTY_MAPPING }, object, '');
  }
}

const EMPTY_MAPPING = { singularName: '', verbs: [], shortNames: [], categories: [] };

function historyText(
  target: FetchedInfo,
  revisions: Revision[] | undefined,
  revision: number,
  output?: string,
): string {
  if (!revisions) {
    const { kind } = target.mapping;
    throw new PlainError(
      `error retrieving history for "${kind}", no visitor method exists for { ${kind}}`,
    );
  }
  if (output === 'name')
    return revisions
      .map((r) => `${kindGroupName(r.sourceRef)}/${r.source.metadata?.name ?? ''}\n`)
      .join('');
  const name = `${kindGroupName(target.mapping)}/${target.name}`;
  if (revisions.length === 0) return `${name} \nNo rollout history found.\n`;
  if (revision > 0) {
    const found = revisions.find((r) => r.revision === revision);
    if (!found) throw new PlainError('unable to find the specified revision');
    const writer = new PrefixWriter();
    describePodTemplate(found.template, writer);
    return `${name} with revision #${revision}\n${writer.raw()}\n`;
  }
  let table = '';
  const tab = new TabWriter((text) => (table += text), { minWidth: 0, padding: 2 });
  tab.writeLine(['REVISION', 'CHANGE-CAUSE']);
  for (const r of revisions) tab.writeLine([String(r.revision), r.changeCause || '<none>']);
  tab.flush();
  return `${name} \n${table}\n`;
}
