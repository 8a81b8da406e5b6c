/**
 * Prints what a mutating verb did, as kubectl's printers do: `kind.group/name <verb>` with
 * ` (dry run)` / ` (server dry run)`, or the object for -o json|yaml|name and the template
 * formats (managedFields hidden, YAML documents separated by `---`).
 */
import { toKubectlJson } from '../printers/json-text.js';
import { withoutManagedFields } from '../printers/managed-fields.js';
import type { ObjectPrinter } from '../printers/object-printer.js';
import { toKubectlYaml } from '../printers/yaml-text.js';
import { kindGroupName } from '../resources/resource-ref.js';
import type { ResourceMapping } from '../discovery/index.js';
import type { KubeObject } from '../resources/kube-object.js';
import type { OutputStream } from '../util/io-streams.js';
import type { DryRunStrategy } from './mutation-flags.js';
import { dryRunSuffix } from './mutation-flags.js';
import type { PrintFlagValues } from './template-output.js';
import { effectiveOutput, templatePrinter } from './template-output.js';

/** -o alone, or all the print flags' values. */
export type ResultOutput = string | undefined | PrintFlagValues;

function printFlagsOf(output: ResultOutput): PrintFlagValues {
  if (typeof output === 'object') return output;
  return output === undefined ? {} : { output };
}

/**
 * Rejects -o values and templates this printer cannot handle, in kubectl's words, before the
 * command sends anything.
 */
export function checkResultOutput(output: ResultOutput): void {
  templatePrinter(printFlagsOf(output), () => undefined);
}

/**
 * Prints one result after another. The printer is made (and -o checked) when constructed, or,
 * with `checkWhenPrinting`, at each print until it can be made: kubectl's label makes its
 * printer after each patch, so a bad -o fails every object after changing it.
 */
export class ResultPrinter {
  private printed = 0;
  private readonly flags: PrintFlagValues;
  private readonly output: string;
  private template: ObjectPrinter | undefined;
  private made = false;

  constructor(
    private readonly out: OutputStream,
    output: ResultOutput,
    private readonly dryRun: DryRunStrategy = 'none',
    checkWhenPrinting = false,
  ) {
    this.flags = printFlagsOf(output);
    this.output = effectiveOutput(this.flags);
    if (!checkWhenPrinting) this.makeTemplate();
  }

  private makeTemplate(): void {
    this.template = templatePrinter(this.flags, (text) => this.out.write(text));
    this.made = true;
  }

  /** Prints the outcome for one object; `verb` is e.g. labeled, scaled, patched (no change). */
  async print(mapping: ResourceMapping, object: KubeObject, verb: string): Promise<void> {
    const name = `${kindGroupName(mapping)}/${object.metadata?.name ?? ''}`;
    const shown = this.flags.showManagedFields === true ? object : withoutManagedFields(object);
    if (!this.made) this.makeTemplate();
    if (this.template) this.template.single(shown);
    else if (this.output === 'json') this.out.write(toKubectlJson(shown));
    else if (this.output === 'yaml')
      this.out.write(`${this.printed > 0 ? '---\n' : ''}${await toKubectlYaml(shown)}`);
    else if (this.output === 'name') this.out.write(`${name}\n`);
    else this.out.write(`${name} ${verb}${dryRunSuffix(this.dryRun)}\n`);
    this.printed++;
  }
}
