import { PlainError } from '../../errors/errors.js';

/** A kustomization that cannot be built: printed as kubectl prints kustomize's error (`error: ...`). */
export class KustomizeError extends PlainError {
  /** kustomize's warnings printed before it failed (deprecated fields met on the way). */
  warnings: string[] = [];
}
