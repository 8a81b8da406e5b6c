import type { MapperModel, PartialGVR, ResourceMapping } from './mapper-model.js';
import { expandShortcut } from './shortcuts.js';

/**
 * cli-runtime's builder.mappingFor on one model: `a.b.c` as resource/version/group, then as
 * resource/group, each through the short-name expander; then as a kind
 * (`Kind.version.group`, then `Kind.group`). Undefined when nothing matches.
 */
export function mappingOn(
  model: MapperModel,
  arg: string,
  warn: (message: string) => void,
): ResourceMapping | undefined {
  const partial = partialResource(arg);
  const full = fullySpecified(arg);
  const kindFor = (input: PartialGVR): ResourceMapping | undefined =>
    model.kindFor(expandShortcut(model.resourceLists, input, warn));
  return (
    (full && kindFor(full)) ||
    kindFor(partial) ||
    (full && model.restMapping(full.group, full.resource, full.version)) ||
    model.restMapping(partial.group, partial.resource, '')
  );
}

/** `resource[.group]` split at the first dot (schema.ParseGroupResource). */
export function partialResource(arg: string): PartialGVR {
  const dot = arg.indexOf('.');
  if (dot < 0) return { group: '', version: '', resource: arg };
  return { group: arg.slice(dot + 1), version: '', resource: arg.slice(0, dot) };
}

/** `a.b.c` read as resource a, version b, group c (schema.ParseResourceArg). */
function fullySpecified(arg: string): PartialGVR | undefined {
  const parts = arg.split('.');
  if (parts.length < 3) return undefined;
  return { resource: parts[0] ?? '', version: parts[1] ?? '', group: parts.slice(2).join('.') };
}
