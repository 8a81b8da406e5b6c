/** What applying one object needs and what it gives back (apply's and diff's patchers). */
import type { JsonObject } from '../../resources/patch/json-value.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { SchemaSource } from '../schema-source.js';
import type { ApplyOptions } from './apply-options.js';

/** The outcome of applying one object. */
export interface ApplyOutcome {
  operation: 'created' | 'configured' | 'unchanged' | 'serverside-applied';
  /** The object as the server returned it (or as computed locally under --dry-run=client). */
  result: JsonObject;
  /** The live object the patch was computed from (none when the object was created). */
  live?: JsonObject;
}

/** What applying an object needs. */
export interface ApplyContext {
  client: HttpClient;
  schemas: SchemaSource;
  options: ApplyOptions;
  warn: (text: string) => void;
  /** Write the last-applied annotation (apply); diff compares without it, as kubectl does. */
  annotate?: boolean;
  /**
   * Send the live object's resourceVersion in the patch, so the result is computed from exactly
   * the live object returned with it (diff, as kubectl's); the last retry goes without it.
   */
  lockToLive?: boolean;
}
