/**
 * One object's describer text with what the describer needs fetched first (kubectl's
 * DescribeObject): its events and related objects. `ktl describe` and the dashboard's `d` both
 * come here, so their texts are the same for the same object.
 */
import type { HttpClient } from '../../transport/http-client.js';
import type { KubeObject } from '../kube-object.js';
import type { DescribeContext } from './context.js';
import type { Obj } from './fields.js';
import { describerFor, showsEvents } from './index.js';
import type { PrefetchedEvents } from './related-objects.js';
import { eventsFor, relatedFor } from './related-objects.js';

/** How ages and durations are written (the printers' kubectl-exact helpers, passed in). */
export interface DescribeClock {
  age: DescribeContext['age'];
  duration: NonNullable<DescribeContext['duration']>;
}

/**
 * The describer text of one fetched object of the given group and kind. Its related objects
 * and its events are read at the same time (both need only the object); `prefetchedEvents`,
 * when they were asked for with the object, saves that request.
 */
export async function describeObject(
  client: HttpClient,
  mapping: { group: string; kind: string },
  object: KubeObject,
  options: { showEvents: boolean; clock: DescribeClock; prefetchedEvents?: PrefetchedEvents },
): Promise<string> {
  const { group, kind } = mapping;
  const related = relatedFor(client, mapping, object);
  const events =
    options.showEvents && showsEvents(group, kind)
      ? eventsOf(client, object, kind, group === '' && kind === 'Node', options.prefetchedEvents)
      : undefined;
  // awaited after the related objects, whose error comes first as before
  events?.catch(() => undefined);
  const context: DescribeContext = {
    related: await related,
    age: options.clock.age,
    duration: options.clock.duration,
  };
  if (events) context.events = await events;
  return describerFor(group, kind)(object as Obj, context);
}

/** An object's events; a node's also include those the kubelet files under its name as uid. */
async function eventsOf(
  client: HttpClient,
  object: KubeObject,
  kind: string,
  isNode: boolean,
  prefetched: PrefetchedEvents | undefined,
): Promise<Obj[]> {
  const events = eventsFor(client, object, kind, undefined, prefetched);
  if (!isNode) return events;
  const byName = eventsFor(client, object, kind, object.metadata?.name, prefetched);
  byName.catch(() => undefined);
  return [...(await events), ...(await byName)];
}
