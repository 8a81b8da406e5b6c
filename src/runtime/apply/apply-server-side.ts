import { ApiStatusError, PlainError } from '../../errors/errors.js';
import type { JsonObject } from '../../resources/patch/json-value.js';
import { objectPath } from '../../resources/resource-ref.js';
import type { ApplyContext, ApplyOutcome } from './apply-context.js';
import { fieldValidationOf } from '../mutation-flags.js';
import { locatedWarnings } from './apply-report.js';
import type { ManifestInfo } from '../../resources/builder/index.js';

/** kubectl's advice after a server-side apply conflict (apply.go). */
export const CONFLICT_HINT = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

/** A server-side apply conflict, printed as kubectl prints it. */
export class ApplyConflictError extends PlainError {}

/**
 * Server-side apply of one object: a PATCH with `application/apply-patch+yaml` (the body is
 * JSON, which is YAML), `force` always sent.
 */
export async function applyServerSide(
  entry: ManifestInfo,
  context: ApplyContext,
): Promise<ApplyOutcome> {
  const { options } = context;
  try {
    const result = await context.client.json<JsonObject>({
      method: 'PATCH',
      path: objectPath(entry.mapping!, entry.name, entry.namespace),
      query: {
        fieldManager: options.fieldManager,
        fieldValidation: fieldValidationOf(options.validate),
        force: options.forceConflicts ? 'true' : 'false',
        dryRun: options.dryRun === 'server' ? 'All' : undefined,
      },
      contentType: 'application/apply-patch+yaml',
      body: JSON.stringify(entry.object),
      onWarning: locatedWarnings(entry, context.warn),
    });
    return { operation: 'serverside-applied', result };
  } catch (error) {
    if (error instanceof ApiStatusError && error.httpCode === 415)
      throw new PlainError(`Server-side apply not available on the server: (${error.message})`);
    if (error instanceof ApiStatusError && error.reason === 'Conflict')
      throw new ApplyConflictError(`${error.message}\n${CONFLICT_HINT}`);
    throw error;
  }
}
