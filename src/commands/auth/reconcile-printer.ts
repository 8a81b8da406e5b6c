/**
 * reconcile's printResults: the object on stdout through kubectl's PrintFlags (`KIND.GROUP/NAME
 * reconciled`, -o json|yaml|name or a template; typed objects, so JSON keys in Go field order),
 * then on stderr, tab-indented, the operation reconciliation required and the rules or subjects
 * it added (and removed, with the remove flags).
 */
import { toTypedJson } from '../../printers/json-text.js';
import { withoutManagedFields } from '../../printers/managed-fields.js';
import type { ObjectPrinter } from '../../printers/object-printer.js';
import { toKubectlYamlSync } from '../../printers/yaml-text.js';
import type { RbacObject } from '../../resources/rbac/rbac-types.js';
import { RBAC_GROUP, encodeRbac, metaString } from '../../resources/rbac/rbac-types.js';
import type {
  BindingResult,
  ReconcileOperation,
  RoleResult,
} from '../../resources/rbac/reconcile.js';
import {
  AUTO_UPDATE_ANNOTATION,
  formatRule,
  formatSubject,
} from '../../resources/rbac/reconcile.js';
import type { PrintFlagValues } from '../../runtime/template-output.js';
import { effectiveOutput, templatePrinter } from '../../runtime/template-output.js';
import type { IOStreams } from '../../util/io-streams.js';

interface RemoveFlags {
  removeExtraPermissions: boolean;
  removeExtraSubjects: boolean;
}

export class ReconcilePrinter {
  private readonly output: string;
  private readonly template: ObjectPrinter | undefined;
  private printed = 0;

  /** Checks -o and the template first, as kubectl's Complete makes its printer. */
  constructor(
    private readonly streams: IOStreams,
    private readonly flags: PrintFlagValues,
    private readonly dryRun: boolean,
    private readonly remove: RemoveFlags,
  ) {
    this.output = effectiveOutput(flags);
    this.template = templatePrinter(flags, (text) => streams.out.write(text));
  }

  roleResult(result: RoleResult): void {
    this.printObject(result.role);
    if (!this.printOperation(result.operation, result.protected)) return;
    this.printList('missing rules added', result.missingRules.map(formatRule));
    if (this.remove.removeExtraPermissions)
      this.printList('extra rules removed', result.extraRules.map(formatRule));
  }

  bindingResult(result: BindingResult): void {
    this.printObject(result.binding);
    if (!this.printOperation(result.operation, result.protected)) return;
    this.printList('missing subjects added', result.missingSubjects.map(formatSubject));
    if (this.remove.removeExtraSubjects)
      this.printList('extra subjects removed', result.extraSubjects.map(formatSubject));
  }

  private printObject(object: RbacObject): void {
    const encoded = encodeRbac(object);
    const shown = this.flags.showManagedFields ? encoded : withoutManagedFields(encoded);
    const out = this.streams.out;
    const name = `${object.kind.toLowerCase()}.${RBAC_GROUP}/${metaString(object.metadata, 'name')}`;
    if (this.template) this.template.single(shown);
    else if (this.output === 'json') out.write(toTypedJson(shown));
    else if (this.output === 'yaml')
      out.write(`${this.printed > 0 ? '---\n' : ''}${toKubectlYamlSync(shown)}`);
    else if (this.output === 'name') out.write(`${name}\n`);
    else out.write(`${name} reconciled${this.dryRun ? ' (dry run)' : ''}\n`);
    this.printed++;
  }

  /** Whether anything was required (nothing more is printed otherwise). */
  private printOperation(operation: ReconcileOperation, protectedObject: boolean): boolean {
    if (operation === 'none') return false;
    const caveat = protectedObject
      ? `, but object opted out (${AUTO_UPDATE_ANNOTATION}: false)`
      : '';
    this.streams.err.write(`\treconciliation required ${operation}${caveat}\n`);
    return true;
  }

  private printList(title: string, lines: string[]): void {
    if (lines.length === 0) return;
    this.streams.err.write(`\t${title}:\n${lines.map((line) => `\t\t${line}\n`).join('')}`);
  }
}
