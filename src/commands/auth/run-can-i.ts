import { PlainError, SilentExit } from '../../errors/errors.js';
import type { Factory } from '../../runtime/factory.js';
import type { CanIFlags } from './can-i-flags.js';
import { accessReviewSpec, resourceAndGroup } from './access-attributes.js';

interface AccessReviewStatus {
  allowed?: boolean;
  reason?: string;
  evaluationError?: string;
}

/** `ktl auth can-i`: asks the server (SelfSubjectAccessReview) and answers yes or no. */
export async function runCanI(factory: Factory, args: string[], flags: CanIFlags): Promise<void> {
  const namespace = flags.allNamespaces ? '' : (await factory.namespace()).namespace;
  const resolve = async (type: string): Promise<{ resource: string; group: string }> => {
    try {
      const mapping = await (await factory.restMapper()).mappingFor(type.toLowerCase());
      return { resource: mapping.resource, group: mapping.group };
    } catch {
      const parsed = resourceAndGroup(type);
      const where = parsed.group === '' ? '' : ` in group '${parsed.group}'`;
      factory.streams.err.write(
        `Warning: the server doesn't have a resource type '${parsed.resource}'${where}\n\n`,
      );
      return { resource: type.toLowerCase(), group: '' };
    }
  };
  const spec = await accessReviewSpec(args, namespace, flags.subresource ?? '', resolve);
  if (flags.headers === false)
    throw new PlainError('--no-headers cannot be set without --list specified');
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
