/**
 * `ktl certificate approve|deny`: adds the Approved or Denied condition to CertificateSigningRequests
 * through their approval subresource, as kubectl's certificates command does (409s retried, a
 * CSR already so decided left alone unless --force, the opposite decision refused).
 */
import type { FetchedInfo, FilenameOptions } from '../../resources/builder/index.js';
import { hasFilenames, infosInOrder, selectInfos } from '../../resources/builder/index.js';
import { ApiStatusError, MultipleErrors, PlainError } from '../../errors/errors.js';
import type { KubeObject } from '../../resources/kube-object.js';
import { objectPath } from '../../resources/resource-ref.js';
import type { Factory } from '../../runtime/factory.js';
import type { PrintFlagValues } from '../../runtime/template-output.js';
import { checkResultOutput, ResultPrinter } from '../../runtime/result-printer.js';

export interface CertificateFlags extends FilenameOptions, PrintFlagValues {
  force?: boolean;
}

export type Decision = 'Approved' | 'Denied';

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
  lastUpdateTime?: string;
}

interface Csr extends KubeObject {
  status?: { conditions?: Condition[]; [key: string]: unknown };
}

const MAX_CONFLICT_RETRIES = 10;

function conditionFor(decision: Decision): Condition {
  const verb = decision === 'Approved' ? 'approve' : 'deny';
  const done = decision === 'Approved' ? 'approved' : 'denied';
  return {
    type: decision,
    status: 'True',
    reason: decision === 'Approved' ? 'KubectlApprove' : 'KubectlDeny',
    message: `This CSR was ${done} by kubectl certificate ${verb}.`,
    lastUpdateTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

/**
 * The CSR to send: with the decision added, as it is when it already carries the decision and
 * --force asks to send it anyway (kubectl adds no second condition), or undefined to send nothing.
 */
function decided(csr: Csr, decision: Decision, force: boolean): Csr | undefined {
  const conditions = csr.status?.conditions ?? [];
  const opposite: Decision = decision === 'Approved' ? 'Denied' : 'Approved';
  if (conditions.some((c) => c.type === opposite)) {
    throw new PlainError(
      `certificate signing request "${csr.metadata?.name ?? ''}" is already ${opposite}`,
    );
  }
  if (conditions.some((c) => c.type === decision)) return force ? csr : undefined;
  return { ...csr, status: { ...csr.status, conditions: [...conditions, conditionFor(decision)] } };
}

async function decide(
  factory: Factory,
  target: FetchedInfo,
  decision: Decision,
  force: boolean,
): Promise<void> {
  const client = await factory.client();
  const path = objectPath(target.mapping, target.name);
  let csr = target.object as Csr;
  for (let attempt = 0; ; attempt++) {
    const updated = decided(csr, decision, force);
    if (updated === undefined) return;
    try {
      await client.json<KubeObject>({
        method: 'PUT',
        path: `${path}/approval`,
        contentType: 'application/json',
        body: JSON.stringify(updated),
      });
      return;
    } catch (error) {
      const conflict = error instanceof ApiStatusError && error.reason === 'Conflict';
      if (!conflict || attempt >= MAX_CONFLICT_RETRIES) throw error;
      csr = await client.json<Csr>({ path });
    }
  }
}

/** Runs `certificate approve` or `certificate deny`. */
export async function runCertificate(
  factory: Factory,
  args: string[],
  flags: CertificateFlags,
  decision: Decision,
): Promise<void> {
  checkResultOutput(flags);
  if (args.length === 0 && !hasFilenames(flags)) {
    throw new PlainError('one or more CSRs must be specified as <name> or -f <filename>');
  }
  const names = hasFilenames(flags) ? [] : ['certificatesigningrequests', ...args];
  const targets = await selectInfos(factory, names, flags);
  const printer = new ResultPrinter(factory.streams.out, flags);
  const errors: Error[] = [];
  const found = infosInOrder(targets);
  for (const target of found) {
    if (target instanceof Error) {
      errors.push(target);
      continue;
    }
    const { kind, group } = target.mapping;
    if (kind !== 'CertificateSigningRequest' || group !== 'certificates.k8s.io') {
      // -f/-k may name other objects; kubectl refuses each of them and goes on
      const groupKind = group === '' ? kind : `${kind}.${group}`;
      errors.push(
        new PlainError(
          `can only handle CertificateSigningRequest.certificates.k8s.io objects, got ${groupKind}`,
        ),
      );
      continue;
    }
    try {
      await decide(factory, target, decision, flags.force === true);
      // kubectl prints the CSR as it fetched it, before the decision was added
      await printer.print(target.mapping, target.object, decision.toLowerCase());
    } catch (error) {
      errors.push(error as Error);
    }
  }
  if (found.length === 0) factory.streams.out.write('No resources found\n');
  if (errors.length === 1) throw errors[0] as Error;
  if (errors.length > 1) throw new MultipleErrors(errors);
}
