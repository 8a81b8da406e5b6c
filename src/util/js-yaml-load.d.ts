/** The part of js-yaml 4 the kubeconfig and manifest readers use (the rest is in resources/kustomize). */
declare module 'js-yaml' {
  /** One document; `json`: the last of duplicate keys wins instead of an error. */
  export function load(text: string, options?: { schema?: Schema; json?: boolean }): unknown;
  /** Strings, sequences and maps only: no implicit types. */
  export const FAILSAFE_SCHEMA: Schema;
}
