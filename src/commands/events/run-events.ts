/**
 * `ktl events`: core/v1 Events of a namespace (or all, or one object with --for), sorted by
 * time, as kubectl's table or as an EventList in JSON/YAML; -w watches (events-watch.ts).
 */
import { PlainError } from '../../errors/errors.js';
import { withoutManagedFields } from '../../printers/managed-fields.js';
import { toKubectlYaml } from '../../printers/yaml-text.js';
import { TabWriter } from '../../resources/tabwriter/tabwriter.js';
import { listPages } from '../../resources/list.js';
import type { ResourceRef } from '../../resources/resource-ref.js';
import { toTypedJson } from '../../printers/json-text.js';
import type { Factory } from '../../runtime/factory.js';
import type { CoreEvent } from './event-rows.js';
import { eventCells, eventHeader, sortEvents } from './event-rows.js';

/** The flags of `ktl events`. */
export interface EventsFlags {
  allNamespaces?: boolean;
  for?: string;
  types?: string;
  watch?: boolean;
  headers: boolean;
  chunkSize: string;
  output?: string;
}

const EVENTS: ResourceRef = {
  group: '',
  version: 'v1',
  resource: 'events',
  kind: 'Event',
  namespaced: true,
};

async function forSelector(
  factory: Factory,
  target: string | undefined,
): Promise<string | undefined> {
  if (target === undefined || target === '') return undefined;
  const slash = target.indexOf('/');
  if (slash < 0) throw new PlainError('--for must be in resource/name form');
  const mapping = await (await factory.restMapper()).mappingFor(target.slice(0, slash));
  const apiVersion = mapping.group === '' ? mapping.version : `${mapping.group}/${mapping.version}`;
  return `involvedObject.kind=${mapping.kind},involvedObject.apiVersion=${apiVersion},involvedObject.name=${target.slice(slash + 1)}`;
}

function parseTypes(text: string | undefined): string[] {
  if (!text) return [];
  const types = text.split(',').map((t) => t.trim());
  for (const t of types)
    if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning')
      throw new PlainError('valid --types are Normal or Warning');
  return types.map((t) => t.toLowerCase());
}

/** Runs `ktl events`. */
export async function runEvents(factory: Factory, flags: EventsFlags): Promise<void> {
  const output = flags.output ?? '';
  if (!['', 'json', 'yaml', 'name'].includes(output))
    throw new PlainError(
      `unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`,
    );
  const types = parseTypes(flags.types);
  const fieldSelector = await forSelector(factory, flags.for);
  const { namespace } = await factory.namespace();
  const scope = flags.allNamespaces ? '' : namespace;
  const client = await factory.client();
  const keep = (e: CoreEvent): boolean =>
    types.length === 0 || types.includes((e.type ?? '').toLowerCase());
  if (flags.watch) {
    const { watchEventsTable } = await import('./events-watch.js');
    const all = flags.allNamespaces === true;
    await watchEventsTable(factory, {
      events: EVENTS,
      scope,
      fieldSelector,
      keep,
      allNamespaces: all,
      headers: flags.headers,
      output,
    });
    return;
  }
  const items: CoreEvent[] = [];
  for await (const page of listPages<{ items?: CoreEvent[]; metadata?: { continue?: string } }>(
    client,
    EVENTS,
    {
      namespace: scope,
      fieldSelector,
      chunkSize: Number(flags.chunkSize),
    },
  )) {
    items.push(...(page.body.items ?? []).filter(keep));
  }
  const sorted = sortEvents(items);
  const out = factory.streams.out;
  if (output === 'json' || output === 'yaml') {
    const list = {
      kind: 'EventList',
      apiVersion: 'v1',
      metadata: {},
      items: sorted.map((e) => withoutManagedFields({ kind: 'Event', apiVersion: 'v1', ...e })),
    };
    out.write(output === 'json' ? toTypedJson(list) : await toKubectlYaml(list));
  } else if (output === '') {
    const table = new TabWriter((text) => out.write(text));
    if (sorted.length === 0) {
      factory.streams.err.write(
        flags.allNamespaces ? 'No events found.\n' : `No events found in ${namespace} namespace.\n`,
      );
      return;
    }
    if (flags.headers) table.writeLine(eventHeader(flags.allNamespaces === true));
    for (const event of sorted) table.writeLine(eventCells(event, flags.allNamespaces === true));
    table.flush();
  }
}
