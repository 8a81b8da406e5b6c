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
import { eventsFor, relatedFor } from './related-objects.js';

/** How ages and durations are written (the printers' kubectl-exact helpers, passed in). */
export interface DescribeClock {
  age: DescribeContext['age'];
  duration: NonNullable<DescribeContext['duration']>;
}

/** The describer text of one fetched object of the given group and kind. */
export async function describeObject(
  client: HttpClient,
  mapping: { group: string; kind: string },
  object: KubeObject,
  options: { showEvents: boolean; clock: DescribeClock },
): Promise<string> {
  const { group, kind } = mapping;
  const context: DescribeContext = {
    related: await relatedFor(client, mapping, object),
    age: options.clock.age,
    duration: options.clock.duration,
  };
  if (options.showEvents && showsEvents(group, kind)) {
    context.events = await eventsFor(client, object, kind);
    if (group === '' && kind === 'Node')
      context.events.push(...(await eventsFor(client, object, kind, object.metadata?.name)));
  }
  return describerFor(group, kind)(object as Obj, context);
}
