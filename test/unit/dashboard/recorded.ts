/** Responses recorded from the real local API server (v1.34.4) for the dashboard's unit tests. */
import { readFileSync } from 'node:fs';
import type { InformerChange } from '../../../src/resources/informer.js';
import { itemsOf } from '../../../src/resources/informer-items.js';
import type { InformerItem } from '../../../src/resources/informer-items.js';
import type { KubeObject } from '../../../src/resources/kube-object.js';

const dir = new URL('./fixtures/', import.meta.url);

/** A recorded Table (list) response. */
export function recordedTable(name: string): {
  columnDefinitions: unknown[];
  rows: unknown[];
  metadata: { resourceVersion: string };
} {
  return JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
}

/** The items of a recorded Table, as the informer holds them. */
export function recordedItems(name: string): InformerItem[] {
  return itemsOf(recordedTable(name), true);
}

/** The recorded watch events (pod fixture-pod created, running, deleted), as informer changes. */
export function recordedChanges(): InformerChange[] {
  return readFileSync(new URL('pods-watch.jsonl', dir), 'utf8')
    .trim()
    .split('\n')
    .flatMap((line) => {
      const event = JSON.parse(line) as { type: InformerChange['type']; object: KubeObject };
      return itemsOf(event.object, true).map((item) => ({ type: event.type, item }));
    });
}
