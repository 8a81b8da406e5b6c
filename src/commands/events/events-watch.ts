/**
 * `ktl events -w` as kubectl's runWatch: no list first; one watch from "now or earlier", so
 * the server replays the events it has as ADDED, then new and updated ones; DELETED are not
 * printed. Each event is printed (and flushed) as it comes: table rows (header before the
 * first), or each object (managedFields omitted) as JSON or YAML.
 */
import { withoutManagedFields } from '../../printers/managed-fields.js';
import { TabWriter } from '../../resources/tabwriter/tabwriter.js';
import { toKubectlYaml } from '../../printers/yaml-text.js';
import type { ResourceRef } from '../../resources/resource-ref.js';
import { watchEvents } from '../../resources/watch-stream.js';
import { toTypedJson } from '../../printers/json-text.js';
import type { Factory } from '../../runtime/factory.js';
import type { TemplateEvents } from './template-events.js';
import { printIgnoringErrors } from './template-events.js';
import type { CoreEvent } from './event-rows.js';
import { eventCells, eventHeader } from './event-rows.js';

/** What to watch and how to print it. */
export interface EventsWatch {
  events: ResourceRef;
  scope: string;
  fieldSelector: string | undefined;
  keep: (e: CoreEvent) => boolean;
  allNamespaces: boolean;
  headers: boolean;
  output: string;
  showManagedFields: boolean;
  /** The printer of a template format (-o jsonpath=…, go-template=…). */
  template?: TemplateEvents;
}

/** Prints one watched event at a time in the chosen output. */
function eventPrinter(factory: Factory, settings: EventsWatch): (e: CoreEvent) => Promise<void> {
  const out = factory.streams.out;
  const table = new TabWriter((text) => out.write(text));
  let printed = 0;
  return async (watched) => {
    printed++;
    if (settings.template)
      return printIgnoringErrors(settings.template, watched, (text) => out.write(text));
    const event = settings.showManagedFields ? watched : withoutManagedFields(watched);
    if (settings.output === 'json') out.write(toTypedJson(event));
    else if (settings.output === 'yaml')
      out.write(`${printed > 1 ? '---\n' : ''}${await toKubectlYaml(event)}`);
    else if (settings.output === '') {
      if (printed === 1 && settings.headers) table.writeLine(eventHeader(settings.allNamespaces));
      table.writeLine(eventCells(event, settings.allNamespaces));
      table.flush();
    }
  };
}

/** Watches events until interrupted, resuming from the last seen resourceVersion. */
export async function watchEventsTable(factory: Factory, settings: EventsWatch): Promise<void> {
  const client = await factory.client();
  const print = eventPrinter(factory, settings);
  let resourceVersion: string | undefined;
  for (;;) {
    for await (const event of watchEvents<CoreEvent>(client, settings.events, {
      namespace: settings.scope,
      fieldSelector: settings.fieldSelector,
      resourceVersion,
      allowBookmarks: true,
      timeoutSeconds: 300,
    })) {
      resourceVersion = event.object.metadata?.resourceVersion ?? resourceVersion;
      if (event.type !== 'ADDED' && event.type !== 'MODIFIED') continue;
      if (!settings.keep(event.object)) continue;
      await print(event.object);
    }
  }
}
