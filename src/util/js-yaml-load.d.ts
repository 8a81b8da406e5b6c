/** The part of js-yaml 4 the kubeconfig loader uses (the rest is in resources/kustomize). */
declare module 'js-yaml' {
  /** One document; `json`: the last of duplicate keys wins instead of an error. */
  export function load(text: string, options?: { schema?: Schema; json?: boolean }): unknown;
}
