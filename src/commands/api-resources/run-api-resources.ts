import { AggregateCliError, PlainError, UsageError } from '../../errors/errors.js';
import type { PreferredResource } from '../../discovery/preferred.js';
import { encodeResourceList } from '../../discovery/cache-encoding.js';
import type { APIResource } from '../../discovery/index.js';
import {
  discoveryFailureMessage,
  parseGroupVersion,
  preferredResources,
} from '../../discovery/index.js';
import type { Factory } from '../../runtime/factory.js';
import { KUBECTL_TABWRITER, TabWriter } from '../../resources/tabwriter/tabwriter.js';

/** What `api-resources` was asked for. */
export interface ApiResourcesOptions {
  output: string;
  noHeaders: boolean;
  apiGroup?: string;
  namespaced?: boolean;
  verbs: string[];
  categories: string[];
  sortBy: string;
  cached: boolean;
}

/** Prints the server's preferred resources as kubectl api-resources does. */
export async function runApiResources(
  factory: Factory,
  args: string[],
  options: ApiResourcesOptions,
): Promise<void> {
  validate(factory, args, options);
  const discovery = await factory.discovery();
  if (!options.cached) discovery.invalidate();
  const snapshot = await discovery.snapshot();
  const resources = preferredResources(snapshot).filter((r) => keep(r, options));
  sortResources(resources, options.sortBy);
  factory.streams.out.write(await render(resources, options));
  if (snapshot.failed.size > 0)
    throw new AggregateCliError([new PlainError(discoveryFailureMessage(snapshot.failed))]);
}

async function render(
  resources: PreferredResource[],
  options: ApiResourcesOptions,
): Promise<string> {
  if (options.output === 'json' || options.output === 'yaml')
    return asDocument(resources, options.output);
  const rows = resources.map((r) => row(r, options.output));
  if (options.output === 'name') return rows.map((r) => `${r[0]}\n`).join('');
  if (!options.noHeaders) rows.unshift(header(options.output));
  return aligned(rows);
}

/** The rows in columns as kubectl's api-resources writes them (printers.GetNewTabWriter). */
function aligned(rows: readonly string[][]): string {
  let text = '';
  const writer = new TabWriter((chunk) => (text += chunk), KUBECTL_TABWRITER);
  for (const row of rows) writer.writeLine(row);
  writer.flush();
  return text;
}

function validate(factory: Factory, args: string[], options: ApiResourcesOptions): void {
  if (args.length > 0)
    throw new UsageError(`unexpected arguments: [${args.join(' ')}]`, factory.commandPath);
  if (!['', 'wide', 'name', 'json', 'yaml'].includes(options.output))
    throw new PlainError(
      `unable to match a printer suitable for the output format "${options.output}", allowed formats are: json,name,wide,yaml`,
    );
  if (options.sortBy && !['name', 'kind'].includes(options.sortBy))
    throw new PlainError('--sort-by accepts only name or kind');
}

function keep(entry: PreferredResource, options: ApiResourcesOptions): boolean {
  const { resource } = entry;
  const verbs = resource.verbs ?? [];
  if (verbs.length === 0) return false;
  if (options.apiGroup !== undefined && options.apiGroup !== entry.group) return false;
  if (options.namespaced !== undefined && options.namespaced !== resource.namespaced) return false;
  if (!options.verbs.every((v) => verbs.includes(v))) return false;
  const categories = resource.categories ?? [];
  return options.categories.every((c) => categories.includes(c));
}

function sortResources(resources: PreferredResource[], sortBy: string): void {
  const key = (r: PreferredResource): string =>
    sortBy === 'name' ? r.resource.name : sortBy === 'kind' ? r.resource.kind : r.group;
  resources.sort((a, b) => compare(key(a), key(b)) || compare(a.resource.name, b.resource.name));
}

/** Go's strings.Compare (byte order). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The selected resources as one APIResourceList (group and version set on each), -o json|yaml. */
async function asDocument(resources: PreferredResource[], output: string): Promise<string> {
  const list = {
    groupVersion: '',
    resources: resources.length === 0 ? null : resources.map(withGroupVersion),
  };
  if (output === 'yaml') {
    const { toKubectlYaml } = await import('../../printers/yaml-text.js');
    return toKubectlYaml(JSON.parse(encodeResourceList(list)));
  }
  return `${JSON.stringify(JSON.parse(encodeResourceList(list)), null, 4)}\n`;
}

function withGroupVersion(entry: PreferredResource): APIResource {
  const { group, version } = parseGroupVersion(entry.groupVersion);
  return { ...entry.resource, group, version };
}

function header(output: string): string[] {
  const names = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];
  return output === 'wide' ? [...names, 'VERBS', 'CATEGORIES'] : names;
}

function row(entry: PreferredResource, output: string): string[] {
  const r = entry.resource;
  if (output === 'name') return [entry.group ? `${r.name}.${entry.group}` : r.name];
  const cells = [
    r.name,
    (r.shortNames ?? []).join(','),
    entry.groupVersion,
    String(r.namespaced),
    r.kind,
  ];
  if (output === 'wide') cells.push((r.verbs ?? []).join(','), (r.categories ?? []).join(','));
  return cells;
}
