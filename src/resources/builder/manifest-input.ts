/**
 * Where manifest objects come from: `-f`/`-R` (files, directories, globs, URLs, stdin) and `-k DIR`
 * (a kustomization). A source turns its argument into objects with their file/document/line
 * positions; the builder maps, scopes and fetches them the same way whatever the source.
 */
import { KustomizeError, kustomizeManifests } from '../kustomize/index.js';
import type { ManifestObject } from '../manifest/manifest-types.js';
import { readManifests } from '../manifest/read-manifests.js';

/** The streams a manifest input may use: stdin for `-f -`, stderr for kustomize's warnings. */
export interface InputStreams {
  readonly in: NodeJS.ReadableStream;
  readonly err: { write(chunk: string): unknown };
}

/** One kind of manifest input (kubectl's FileVisitor/StreamVisitor/URLVisitor, or kustomize's). */
export interface ManifestInput {
  /** The flag the user gave it with (`-f`, `-k`), for the conflict checks. */
  readonly flag: '-f' | '-k';
  /** Reads every object, in input order. */
  read(streams: InputStreams): Promise<ManifestObject[]>;
}

/** kubectl's FilenameOptions: -f (repeatable), -k and -R. */
export interface FilenameOptions {
  filename?: string[];
  /** `-k DIR`: the objects of a kustomization instead of files. */
  kustomize?: string;
  recursive?: boolean;
}

/** Whether -f or -k was given. */
export function hasFilenames(options: FilenameOptions): boolean {
  return (options.filename?.length ?? 0) > 0 || Boolean(options.kustomize);
}

/** The inputs of -f and -k, -f first (both given is refused when they are read). */
export function filenameInputs(options: FilenameOptions): ManifestInput[] {
  const inputs: ManifestInput[] = [];
  if ((options.filename?.length ?? 0) > 0) inputs.push(fileInput(options));
  if (options.kustomize) inputs.push(kustomizeInput(options.kustomize)); // kubectl: -k '' is none
  return inputs;
}

/** Files, directories (flat unless -R), globs, URLs and `-` for stdin. */
function fileInput(options: FilenameOptions): ManifestInput {
  return {
    flag: '-f',
    read: (streams) =>
      readManifests(options.filename ?? [], {
        recursive: options.recursive === true,
        stdin: streams.in,
      }),
  };
}

/** The objects a kustomization builds, its warnings written to stderr as kubectl does. */
function kustomizeInput(dir: string): ManifestInput {
  return {
    flag: '-k',
    read: (streams) => {
      let built;
      try {
        built = kustomizeManifests(dir);
      } catch (error) {
        // kustomize prints the warnings it met before it failed
        if (error instanceof KustomizeError)
          for (const warning of error.warnings) streams.err.write(`${warning}\n`);
        throw error;
      }
      for (const warning of built.warnings) streams.err.write(`${warning}\n`);
      return Promise.resolve(built.manifests);
    },
  };
}
