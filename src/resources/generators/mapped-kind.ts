/** A REST mapping as the generators' KnownKind, with whether it has a /scale subresource. */
import type { DiscoveryClient, ResourceMapping } from '../../discovery/index.js';
import { groupVersionString } from '../../discovery/index.js';
import type { BuilderContext, FilenameOptions } from '../builder/index.js';
import { infosInOrder, ResourceBuilder } from '../builder/index.js';
import type { KnownKind } from './known-kinds.js';
import type { KubeObject } from '../kube-object.js';

/** The generators' view of a mapped resource (expose and autoscale read its /scale). */
export async function kindOfMapping(
  discovery: DiscoveryClient,
  mapping: ResourceMapping,
): Promise<KnownKind> {
  const snapshot = await discovery.snapshot();
  const list = snapshot.resources.get(groupVersionString(mapping.group, mapping.version));
  const scalable = (list?.resources ?? []).some((r) => r.name === `${mapping.resource}/scale`);
  return {
    kind: mapping.kind,
    group: mapping.group,
    version: mapping.version,
    resource: mapping.resource,
    namespaced: mapping.namespaced,
    aliases: mapping.shortNames,
    scalable,
  };
}

/** One named object (expose, autoscale), as the server returned it. */
export interface NamedSource {
  kind: KnownKind;
  name: string;
  object: KubeObject;
}

/**
 * Resolves `TYPE NAME...` / `TYPE/NAME...` (fetched) or -f/-k/-R (used as read: kubectl's expose
 * and autoscale build without Latest()) with the resource builder, in argument order; a failure
 * for one is returned in its place (the verb stops there, after acting on the ones before it, as
 * kubectl's visitor does).
 */
export async function namedSources(
  context: BuilderContext & { discovery(): Promise<DiscoveryClient> },
  args: readonly string[],
  filenames: FilenameOptions = {},
): Promise<Array<NamedSource | Error>> {
  const infos = await new ResourceBuilder(context)
    .filenameParam(filenames)
    .resourceTypeOrNameArgs(args)
    .local(true)
    .infos();
  const discovery = await context.discovery();
  const sources: Array<NamedSource | Error> = [];
  for (const info of infosInOrder(infos)) {
    if (info instanceof Error) sources.push(info);
    else
      sources.push({
        kind: await kindOfMapping(discovery, info.mapping),
        name: info.name,
        object: info.object as KubeObject,
      });
  }
  return sources;
}
