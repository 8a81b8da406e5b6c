/** Where completion candidates come from; the real implementation reads caches and the server. */
export interface CompletionSources {
  /** Resource types as `kubectl api-resources -o name --verbs=get` prints them, from the discovery cache only. */
  resourceTypes(): Promise<string[]>;
  /** Names of objects of a type (any spelling the REST mapper accepts) in the namespace scope. */
  resourceNames(type: string): Promise<string[]>;
  namespaces(): Promise<string[]>;
  contexts(): Promise<string[]>;
  clusters(): Promise<string[]>;
  users(): Promise<string[]>;
  /** Containers of a pod, init containers first. */
  containers(pod: string): Promise<string[]>;
}
