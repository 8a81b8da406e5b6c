/**
 * The builder's unit of work (cli-runtime's resource.Info): where an object lives, and, once
 * fetched or read, the object itself and the manifest it came from.
 */
import type { ResourceMapping } from '../../discovery/index.js';
import type { KubeObject } from '../kube-object.js';

/** Where an object named by a manifest was read: file, document (from 1), line, input index. */
export interface InfoSource {
  file: string;
  document: number;
  line: number;
  /** Position among all objects read, from 0. */
  index: number;
}

/** One object to act on: its REST mapping, namespace ('' when cluster-scoped) and name. */
export interface ResourceInfo {
  mapping: ResourceMapping;
  namespace: string;
  name: string;
  /** Set when the object was named by a manifest. */
  source?: InfoSource;
  /** The subresource read and written instead of the object (--subresource). */
  subresource?: string;
}

/** An info with its object, as the server returned it (or as read, for --local). */
export interface FetchedInfo extends ResourceInfo {
  object: KubeObject;
}

/** The infos found and the errors met on the way (kubectl's ContinueOnError). */
export interface Infos {
  objects: FetchedInfo[];
  errors: Error[];
  /** Named objects and their failures in argument order (absent for lists). */
  inOrder?: Array<FetchedInfo | Error>;
}

/** The objects and failures in the order kubectl's visitor meets them. */
export function infosInOrder(infos: Infos): Array<FetchedInfo | Error> {
  return infos.inOrder ?? [...infos.errors, ...infos.objects];
}

/** List items carry no kind/apiVersion; kubectl's unstructured items get them from the list. */
export function withTypeMeta(object: KubeObject, mapping: ResourceMapping): KubeObject {
  if (object.kind && object.apiVersion) return object;
  const apiVersion = mapping.group === '' ? mapping.version : `${mapping.group}/${mapping.version}`;
  return { apiVersion, kind: mapping.kind, ...object };
}
