/** kustomize (v5.7.1, as embedded in kubectl 1.34) in TypeScript: files in, objects out. */
export { buildKustomization } from './build.js';
export type { BuildOptions, BuildResult } from './build.js';
export type { LoadRestrictor } from './loader.js';
export { KustomizeError } from './errors.js';
export { filenameFlagProblem, kustomizeManifests } from './manifests.js';
