import { PlainError } from '../../errors/errors.js';
import { TabWriter } from '../../resources/tabwriter/tabwriter.js';
import { colorAllowed } from '../../util/io-streams.js';
import type { Factory } from '../../runtime/factory.js';
import type { CanIFlags } from './can-i-flags.js';
import type { RulesReviewStatus } from './rules-table.js';
import { ACCESS_HEADERS, accessRows } from './rules-table.js';

/** kubectl's Complete/Validate checks of --list, then the list itself. */
export async function runCanIListChecked(
  factory: Factory,
  args: readonly string[],
  flags: CanIFlags,
): Promise<void> {
  if (args.length !== 0) throw new PlainError('list option must be specified with no arguments');
  await factory.namespace();
  if (flags.quiet || flags.allNamespaces || (flags.subresource ?? '') !== '')
    throw new PlainError(
      "list option can't be specified with neither quiet, all-namespaces nor subresource options",
    );
  await runCanIList(factory, flags.headers === false);
}

/** `ktl auth can-i --list`: every allowed action (SelfSubjectRulesReview) as kubectl's table. */
export async function runCanIList(factory: Factory, noHeaders: boolean): Promise<void> {
  const { namespace } = await factory.namespace();
  const client = await factory.client();
  const review = await client.json<{ status?: RulesReviewStatus }>({
    method: 'POST',
    path: '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews',
    contentType: 'application/json',
    body: JSON.stringify({
      kind: 'SelfSubjectRulesReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: {},
      spec: { namespace },
    }),
  });
  const status = review.status ?? {};
  if (status.incomplete) {
    const prefix = colorAllowed(factory.streams.err, factory.env)
      ? '\u001b[33;1mWarning:\u001b[0m'
      : 'Warning:';
    factory.streams.err.write(
      `${prefix} the list may be incomplete: ${status.evaluationError ?? ''}\n`,
    );
  }
  const writer = new TabWriter((text) => factory.streams.out.write(text));
  if (!noHeaders) writer.writeLine(ACCESS_HEADERS);
  for (const row of accessRows(status)) writer.writeLine(row);
  writer.flush();
}
