import type { Factory } from '../../runtime/factory.js';

/** Prints the sorted group/versions, always asking the server (kubectl invalidates first). */
export async function runApiVersions(factory: Factory): Promise<void> {
  const discovery = await factory.discovery();
  discovery.invalidate();
  const groups = await discovery.serverGroups();
  const versions = groups.flatMap((g) => g.versions.map((v) => v.groupVersion));
  versions.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  factory.streams.out.write(versions.map((v) => `${v}\n`).join(''));
}
