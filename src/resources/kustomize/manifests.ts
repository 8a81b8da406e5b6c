import type { ManifestObject } from '../manifest/manifest-types.js';
import { buildKustomization } from './build.js';

/**
 * The objects of `-k DIR` as manifests, as kubectl's builder reads them (kustomizevisitor:
 * krusty's default options, so the legacy order unless the kustomization says otherwise), with
 * kustomize's warnings for stderr.
 */
export function kustomizeManifests(dir: string): {
  manifests: ManifestObject[];
  warnings: string[];
} {
  const { objects, warnings } = buildKustomization(dir, {
    loadRestrictor: 'LoadRestrictionsRootOnly',
  });
  const manifests = objects.map((object, index) => ({
    object,
    source: { file: dir, document: index + 1, itemPath: [], positions: new Map() },
  }));
  return { manifests, warnings };
}

/** kubectl's builder checks on -f, -k and -R (pkg/resource/builder.go). */
export function filenameFlagProblem(
  filenames: readonly string[],
  kustomize: string | undefined,
  recursive: boolean,
): string | undefined {
  if (kustomize === undefined) return undefined;
  if (filenames.length > 0) return 'only one of -f or -k can be specified';
  if (recursive) return "the -k flag can't be used with -f or -R";
  return undefined;
}
