import type { KubeConfig } from '../../config/kubeconfig-types.js';

/** The name of the kubeconfig context extension that holds ktl's per-context settings. */
export const KTL_EXTENSION = 'ktl';

/** ktl's settings for one context, from its kubeconfig extension. */
export interface ContextSettings {
  readonly: boolean;
  /** Favourite namespaces, bound to keys 1–9. */
  favourites: string[];
}

/**
 * Reads a context's `ktl` extension in the kubeconfig:
 *
 *   contexts:
 *   - name: prod
 *     context:
 *       cluster: prod
 *       extensions:
 *       - name: ktl
 *         extension: { readonly: true, favourites: [default, payments] }
 */
export function contextSettings(config: KubeConfig, contextName: string): ContextSettings {
  const context = config.contexts.get(contextName)?.value;
  const extension = context?.extensions?.find((e) => e.name === KTL_EXTENSION)?.extension as
    | { readonly?: unknown; readOnly?: unknown; favourites?: unknown; favorites?: unknown }
    | undefined;
  const readonly = extension?.readonly ?? extension?.readOnly;
  const favourites = extension?.favourites ?? extension?.favorites;
  return {
    readonly: readonly === true || readonly === 'true',
    favourites: Array.isArray(favourites)
      ? favourites.filter((f): f is string => typeof f === 'string')
      : [],
  };
}
