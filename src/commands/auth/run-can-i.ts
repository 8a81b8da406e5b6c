import { SilentExit } from '../../errors/errors.js';
import type { Factory } from '../factory.js';
import type { CanIFlags } from './index.js';
import { accessReviewSpec } from './access-attributes.js';

interface AccessReviewStatus {
  allowed?: boolean;
  reason?: string;
  evaluationError?: string;
}

/** `ktl auth can-i`: asks the server (SelfSubjectAccessReview) and answers yes or no. */
export async function runCanI(factory: Factory, args: string[], flags: CanIFlags): Promise<void> {
  const namespace = flags.allNamespaces ? '' : (await factory.namespace()).namespace;
  const spec = accessReviewSpec(args, namespace, flags.subresource ?? '');
  const client = await factory.client();
  const review = await client.json<{ status?: AccessReviewStatus }>({
    method: 'POST',
    path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
    contentType: 'application/json',
    body: JSON.stringify({
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: {},
      spec,
    }),
  });
  const status = review.status ?? {};
  if (!flags.quiet) {
    let line = status.allowed ? 'yes' : 'no';
    if (!status.allowed && status.reason) line += ` - ${status.reason}`;
    if (!status.allowed && status.evaluationError) line += ` - ${status.evaluationError}`;
    factory.streams.out.write(`${line}\n`);
  }
  if (!status.allowed) throw new SilentExit(1);
}
