/** What a describer gets besides the object: its events and related objects, fetched by the command. */
import type { Obj } from './fields.js';

/** The inputs of a describer. */
export interface DescribeContext {
  /** Events about the object; undefined when events are not shown. */
  events?: Obj[];
  /** Related objects by role (replicaSets, endpointSlices, resourceQuotas, limitRanges, pods, lease). */
  related: Record<string, Obj[] | undefined>;
  /** The AGE of a timestamp as kubectl prints it (translateTimestampSince). */
  age: (timestamp: unknown) => string;
  /** A duration in milliseconds as kubectl prints it (duration.HumanDuration); seconds if absent. */
  duration?: (ms: number) => string;
}

/** A describer: the object and its context to kubectl's text. */
export type Describer = (object: Obj, context: DescribeContext) => string;
