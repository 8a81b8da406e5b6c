/**
 * Prints what a mutating verb did, as kubectl's printers do: `kind.group/name <verb>` with
 * ` (dry run)` / ` (server dry run)`, or the object for -o json|yaml|name (managedFields hidden,
 * YAML documents separated by `---`).
 */
import { PlainError } from '../errors/errors.js';
import { toKubectlJson } from '../printers/json-text.js';
import { withoutManagedFields } from '../printers/managed-fields.js';
import { toKubectlYaml } from '../printers/yaml-text.js';
import { compileJsonPath, renderJsonPath } from '../printers/jsonpath-printer.js';
import { parseOutputFormat } from '../printers/output-format.js';
import { kindGroupName } from '../resources/resource-ref.js';
import type { ResourceMapping } from '../discovery/index.js';
import type { KubeObject } from '../resources/kube-object.js';
import type { OutputStream } from '../util/io-streams.js';
import type { DryRunStrategy } from './mutation-flags.js';
import { dryRunSuffix } from './mutation-flags.js';

const ALLOWED =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** Rejects -o values this printer cannot handle, in kubectl's words. */
export function checkResultOutput(output: string | undefined): void {
  if (output === undefined || output === '' || ['json', 'yaml', 'name'].includes(output)) return;
  const format = parseOutputFormat(output);
  if (format.kind === 'jsonpath' && !format.fromFile) return;
  if (format.kind === 'go-template' || format.kind === 'jsonpath')
    throw new PlainError(`output format "${output}" is not supported by ktl for this command yet`);
  throw new PlainError(
    `unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`,
  );
}

/** Prints one result after another. */
export class ResultPrinter {
  private printed = 0;
  constructor(
    private readonly out: OutputStream,
    private readonly output: string | undefined,
    private readonly dryRun: DryRunStrategy = 'none',
  ) {}

  /** Prints the outcome for one object; `verb` is e.g. labeled, scaled, patched (no change). */
  async print(mapping: ResourceMapping, object: KubeObject, verb: string): Promise<void> {
    const name = `${kindGroupName(mapping)}/${object.metadata?.name ?? ''}`;
    const shown = withoutManagedFields(object);
    if (this.output === 'json') this.out.write(toKubectlJson(shown));
    else if (this.output === 'yaml')
      this.out.write(`${this.printed > 0 ? '---\n' : ''}${await toKubectlYaml(shown)}`);
    else if (this.output === 'name') this.out.write(`${name}\n`);
    else if (this.output) this.out.write(jsonPathText(this.output, shown));
    else this.out.write(`${name} ${verb}${dryRunSuffix(this.dryRun)}\n`);
    this.printed++;
  }
}

function jsonPathText(output: string, object: KubeObject): string {
  const format = parseOutputFormat(output);
  if (format.kind !== 'jsonpath') return '';
  return renderJsonPath(compileJsonPath(format.template), object, { asJson: format.asJson });
}
