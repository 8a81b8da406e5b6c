import type { ResourceMapping } from '../../discovery/index.js';
import { ApiStatusError } from '../../errors/errors.js';

/** The selectors a list was made with. */
export interface ListSelectors {
  selector?: string;
  fieldSelector?: string;
}

/** A GroupVersionResource as Go's %q prints it: `"apps/v1, Resource=deployments"`. */
function gvrText(mapping: ResourceMapping): string {
  const groupVersion = mapping.group
    ? `${mapping.group}/${mapping.version}`
    : `/${mapping.version}`;
  return `"${groupVersion}, Resource=${mapping.resource}"`;
}

/**
 * kubectl's resource builder rewords a list the server refused (BadRequest, NotFound) to say
 * what was listed: `Unable to find "/v1, Resource=pods" that match label selector "…", field
 * selector "…": <message>`, or `Unable to list "…": <message>` without selectors.
 */
export function listErrorFor(
  error: unknown,
  mapping: ResourceMapping,
  selectors: ListSelectors,
): unknown {
  if (!(error instanceof ApiStatusError)) return error;
  if (error.reason !== 'BadRequest' && !error.isNotFound) return error;
  const label = selectors.selector ?? '';
  const field = selectors.fieldSelector ?? '';
  const message =
    label === '' && field === ''
      ? `Unable to list ${gvrText(mapping)}: ${error.message}`
      : `Unable to find ${gvrText(mapping)} that match label selector "${label}", field selector "${field}": ${error.message}`;
  return new ApiStatusError({ ...error.status, message }, error.httpCode);
}

/** Passes the pages of a list through, rewording a refusal as kubectl's builder does. */
export async function* explainListError<T>(
  pages: AsyncIterable<T>,
  mapping: ResourceMapping,
  selectors: ListSelectors,
): AsyncGenerator<T> {
  try {
    yield* pages;
  } catch (error) {
    throw listErrorFor(error, mapping, selectors);
  }
}
