/**
 * `ktl describe`: resolves the objects (names, prefixes on NotFound, -l, whole types), fetches
 * each one's events and related objects, and prints kubectl's describer text.
 */
import { describeTypeRequired, hasFilenames, selectInfos } from '../../resources/builder/index.js';
import { ApiStatusError, failWithErrors } from '../../errors/errors.js';
import { humanDuration, translateTimestampSince } from '../../printers/human-duration.js';
import { describeObject } from '../../resources/describe/describe-object.js';
import type { Factory } from '../../runtime/factory.js';
import type { FetchedInfo, Selection } from '../../resources/builder/index.js';
import { showsEvents } from '../../resources/describe/index.js';
import type { PrefetchedEvents } from '../../resources/describe/related-objects.js';
import { prefetchEvents } from '../../resources/describe/related-objects.js';
import { boolFlag } from '../../runtime/flag-values.js';

/** The flags of `ktl describe`. */
export interface DescribeFlags {
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  selector?: string;
  allNamespaces?: boolean;
  showEvents: boolean | string;
  chunkSize: string;
}

/** Runs `ktl describe`. */
export async function runDescribe(
  factory: Factory,
  args: string[],
  flags: DescribeFlags,
): Promise<void> {
  const showEvents = boolFlag('--show-events', flags.showEvents, factory.commandPath);
  const { filename, kustomize, recursive } = flags;
  const fromFiles = hasFilenames({ filename, kustomize });
  if (args.length === 0 && !fromFiles) throw describeTypeRequired();
  const typeOnly = args.length === 1 && !(args[0] ?? '').includes('/');
  const select = {
    filename,
    kustomize,
    recursive,
    selector: flags.selector,
    allNamespaces: flags.allNamespaces,
    all: typeOnly && !flags.selector,
    chunkSize: chunkSizeOf(flags.chunkSize),
  };
  const prefetched = new Map<string, PrefetchedEvents>();
  const onPlanned = (selection: Selection): void => {
    if (showEvents) prefetchNamedEvents(factory, selection, prefetched);
  };
  const targets = await selectInfos(factory, args, { ...select, onPlanned });
  const notFound = targets.errors[0];
  if (
    args.length === 2 &&
    !(args[1] ?? '').includes('/') &&
    notFound instanceof ApiStatusError &&
    notFound.isNotFound
  ) {
    await describeByPrefix(factory, args[0] ?? '', args[1] ?? '', notFound, showEvents);
    return;
  }
  const out = factory.streams.out;
  const errors = [...targets.errors];
  let first = true;
  for (const target of targets.objects) {
    try {
      const text = await describeOne(factory, target, showEvents, prefetched.get(keyOf(target)));
      out.write(first ? text : `\n\n${text}`);
      first = false;
    } catch (error) {
      errors.push(error as Error);
    }
  }
  if (targets.objects.length === 0 && errors.length === 0) {
    const { namespace } = await factory.namespace();
    factory.streams.err.write(
      flags.allNamespaces
        ? 'No resources found\n'
        : `No resources found in ${namespace} namespace.\n`,
    );
  }
  failWithErrors(errors);
}

/** At most this many objects named on the command line have their events read ahead. */
const PREFETCH_LIMIT = 16;

/**
 * Asks for the events of the objects named on the command line while they are read: kubectl
 * reads an object, then its events by uid; these are asked for by kind, name and namespace
 * and narrowed to the uid once the object is here (eventsFor), which saves a round trip.
 */
function prefetchNamedEvents(
  factory: Factory,
  selection: Selection,
  prefetched: Map<string, PrefetchedEvents>,
): void {
  if (selection.kind !== 'named') return;
  for (const info of selection.infos.slice(0, PREFETCH_LIMIT)) {
    const { group, kind } = info.mapping;
    if (info.subresource || !showsEvents(group, kind)) continue;
    const about = { kind, name: info.name, namespace: info.namespace };
    prefetched.set(keyOf(info), prefetchEvents(factory.client(), about));
  }
}

function keyOf(info: {
  mapping: { group: string; kind: string };
  namespace: string;
  name: string;
}) {
  return `${info.mapping.group}/${info.mapping.kind}/${info.namespace}/${info.name}`;
}

/** --chunk-size as a page size; a value that is not a count keeps kubectl's default. */
function chunkSizeOf(value: string): number {
  const size = Number(value);
  return Number.isInteger(size) && size >= 0 ? size : 500;
}

async function describeByPrefix(
  factory: Factory,
  type: string,
  prefix: string,
  original: Error,
  showEvents: boolean,
): Promise<void> {
  const targets = await selectInfos(factory, [type], { all: true });
  const matching = targets.objects.filter((t) => t.name.startsWith(prefix));
  if (matching.length === 0) throw original;
  for (const target of matching)
    factory.streams.out.write(`${await describeOne(factory, target, showEvents)}\n`);
}

/** The describer text of one object. */
export async function describeOne(
  factory: Factory,
  target: FetchedInfo,
  showEvents: boolean,
  prefetchedEvents?: PrefetchedEvents,
): Promise<string> {
  const now = Date.now();
  return describeObject(await factory.client(), target.mapping, target.object, {
    showEvents,
    ...(prefetchedEvents ? { prefetchedEvents } : {}),
    clock: { age: (timestamp) => translateTimestampSince(timestamp, now), duration: humanDuration },
  });
}
