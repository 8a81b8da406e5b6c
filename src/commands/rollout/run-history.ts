/** `ktl rollout history`: a REVISION / CHANGE-CAUSE table, or one revision's pod template. */
import { PlainError } from '../../errors/errors.js';
import { describePodTemplate } from '../../resources/describe/pod-template.js';
import { PrefixWriter } from '../../resources/describe/prefix-writer.js';
import { TabWriter } from '../../printers/tabwriter.js';
import { kindGroupName } from '../../resources/resource-ref.js';
import type { Factory } from '../factory.js';
import { failWithErrors } from '../label/errors-out.js';
import type { TargetObject } from '../label/targets.js';
import { revisionsOf } from './revisions.js';
import { rolloutTargets } from './targets.js';

/** The flags of `rollout history`. */
export interface HistoryFlags {
  revision: string;
  selector?: string;
  output?: string;
}

/** Runs `ktl rollout history`. */
export async function runHistory(
  factory: Factory,
  args: string[],
  flags: HistoryFlags,
): Promise<void> {
  const revision = Number(flags.revision);
  const targets = await rolloutTargets(factory, args, flags.selector);
  const errors = [...targets.errors];
  for (const target of targets.objects) {
    try {
      factory.streams.out.write(await historyText(factory, target, revision, flags.output));
    } catch (error) {
      errors.push(error as Error);
    }
  }
  failWithErrors(factory, errors);
}

async function historyText(
  factory: Factory,
  target: TargetObject,
  revision: number,
  output?: string,
): Promise<string> {
  const revisions = await revisionsOf(factory, target);
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
