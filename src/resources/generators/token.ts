/** `kubectl create token SA`: the TokenRequest body and its checks. */
import type { KubeObject } from '../kube-object.js';
import { compact } from './object.js';

const BOUND_OBJECT_KINDS: Record<string, string> = { Node: 'v1', Pod: 'v1', Secret: 'v1' };

/** Flags of `create token`. */
export interface TokenParams {
  name: string;
  namespace: string;
  audiences: readonly string[];
  /** Requested lifetime in milliseconds (0 = server default). */
  durationMs: number;
  boundObjectKind?: string;
  boundObjectName?: string;
  boundObjectUid?: string;
}

/** TokenOptions.Validate. */
export function validateToken(params: TokenParams): void {
  if (params.name === '') throw new Error('service account name is required');
  if (params.namespace === '') throw new Error('--namespace is required');
  if (params.durationMs < 0) throw new Error('--duration must be greater than or equal to 0');
  if (params.durationMs % 1000 !== 0)
    throw new Error('--duration cannot be expressed in units less than seconds');
  if (params.audiences.some((a) => a === ''))
    throw new Error('--audience must not be an empty string');
  const kinds = Object.keys(BOUND_OBJECT_KINDS).sort().join(', ');
  if (!params.boundObjectKind) {
    if (params.boundObjectName)
      throw new Error('--bound-object-name can only be set if --bound-object-kind is provided');
    if (params.boundObjectUid)
      throw new Error('--bound-object-uid can only be set if --bound-object-kind is provided');
    return;
  }
  if (!(params.boundObjectKind in BOUND_OBJECT_KINDS))
    throw new Error(`supported --bound-object-kind values are ${kinds}`);
  if (!params.boundObjectName)
    throw new Error('--bound-object-name is required if --bound-object-kind is provided');
}

/** The authentication.k8s.io/v1 TokenRequest to POST to serviceaccounts/<name>/token. */
export function generateTokenRequest(params: TokenParams): KubeObject {
  const kind = params.boundObjectKind;
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: {},
    spec: compact({
      audiences: params.audiences.length > 0 ? [...params.audiences] : null,
      expirationSeconds: params.durationMs > 0 ? params.durationMs / 1000 : undefined,
      boundObjectRef: kind
        ? compact({
            kind,
            apiVersion: BOUND_OBJECT_KINDS[kind],
            name: params.boundObjectName,
            uid: params.boundObjectUid || undefined,
          })
        : undefined,
    }),
  };
}
