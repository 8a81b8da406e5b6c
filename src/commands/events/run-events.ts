/**
 * `ktl events`: core/v1 Events of a namespace (or all, or one object with --for), sorted by
 * time, as kubectl's table or as an EventList in JSON/YAML; -w watches (events-watch.ts).
 */
import { PlainError } from '../../errors/errors.js';
import { goJson } from '../../util/go-json.js';
import { checkPrintFlagsFormat } from '../../runtime/print-flags.js';
import { templatePrinter } from '../../runtime/template-output.js';
import { printIgnoringErrors, templateEvents } from './template-events.js';
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
  template?: string;
  showManagedFields?: boolean;
  allowMissingTemplateKeys?: boolean | string;
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
  // kubectl prints its own table unless -o is given: --template alone does not choose a format
  const output = flags.output ?? '';
  checkPrintFlagsFormat(output);
  const out = factory.streams.out;
  // kubectl prints through a tabwriter, templates too; a failing go-template's dump shows the
  // typed EventList's JSON (field order, not sorted keys)
  const template =
    output === '' ? undefined : templateEvents((write) => templatePrinter(flags, write, goJson));
  const showManagedFields = flags.showManagedFields === true;
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
      showManagedFields,
      ...(template ? { template } : {}),
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
  if (sorted.length === 0) {
    factory.streams.err.write(
      flags.allNamespaces ? 'No events found.\n' : `No events found in ${namespace} namespace.\n`,
    );
    return;
  }
  const typed = sorted.map((e) => ({ kind: 'Event', apiVersion: 'v1', ...e }));
  if (output === 'json' || output === 'yaml') {
    const list = {
      kind: 'EventList',
      apiVersion: 'v1',
      metadata: {},
      items: showManagedFields ? typed : typed.map(withoutManagedFields),
    };
    out.write(output === 'json' ? toTypedJson(list) : await toKubectlYaml(list));
  } else if (template) {
    const list = { kind: 'EventList', apiVersion: 'v1', metadata: {}, items: typed };
    printIgnoringErrors(template, list, (text) => out.write(text));
  } else if (output === '') {
    const table = new TabWriter((text) => out.write(text));
    if (flags.headers) table.writeLine(eventHeader(flags.allNamespaces === true));
    for (const event of sorted) table.writeLine(eventCells(event, flags.allNamespaces === true));
    table.flush();
  }
}
