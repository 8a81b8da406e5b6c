import { AggregateCliError, PlainError } from '../../errors/errors.js';
import type { ManifestObject } from './manifest-types.js';
import type { ReadProblem } from './parse-documents.js';
import { parseManifestText } from './parse-documents.js';
import type { ReadInputOptions } from './read-inputs.js';
import { readInputs } from './read-inputs.js';

/** A problem in a manifest file, printed as `file:line:column (document N): message`. */
export class ManifestReadError extends PlainError {
  readonly problem: ReadProblem;
  constructor(problem: ReadProblem) {
    super(formatReadProblem(problem));
    this.problem = problem;
  }
}

/** `file:line:column (document N): message`. */
export function formatReadProblem(problem: ReadProblem): string {
  const { file, line, column, document, message } = problem;
  return `${file}:${line}:${column} (document ${document}): ${message}`;
}

/**
 * Reads and parses every -f input into objects in input order. Any YAML problem in any file
 * fails the whole read, listing every problem found (so nothing is applied half-way).
 */
export async function readManifests(
  filenames: readonly string[],
  options: ReadInputOptions,
): Promise<ManifestObject[]> {
  const inputs = await readInputs(filenames, options);
  const objects: ManifestObject[] = [];
  const problems: ReadProblem[] = [];
  for (const input of inputs) {
    const parsed = await parseManifestText(input.name, input.text);
    objects.push(...parsed.objects);
    problems.push(...parsed.problems);
  }
  if (problems.length === 1 && problems[0]) throw new ManifestReadError(problems[0]);
  if (problems.length > 1)
    throw new AggregateCliError(problems.map((p) => new ManifestReadError(p)));
  return objects;
}
