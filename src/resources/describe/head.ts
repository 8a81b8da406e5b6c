import type { Obj } from './fields.js';
import { obj, str, strMap } from './fields.js';
import { annotationsMultiline, labelsMultiline } from './multiline.js';
import { controllerOf } from './pod.js';
import type { PrefixWriter } from './prefix-writer.js';
import { selectorText } from './selectors.js';

/**
 * The first lines of the ReplicaSet and Job describers: Name, Namespace, Selector, Labels,
 * Annotations and, when the object has a controller, Controlled By.
 */
export function writeControlledHead(w: PrefixWriter, object: Obj): void {
  const metadata = obj(object, 'metadata');
  w.write(0, `Name:\t${str(metadata, 'name')}\n`);
  w.write(0, `Namespace:\t${str(metadata, 'namespace')}\n`);
  w.write(0, `Selector:\t${selectorText(obj(obj(object, 'spec'), 'selector'))}\n`);
  labelsMultiline(w, 'Labels', strMap(metadata, 'labels'));
  annotationsMultiline(w, 'Annotations', strMap(metadata, 'annotations'));
  const controller = controllerOf(metadata);
  if (controller) w.write(0, `Controlled By:\t${controller}\n`);
}
