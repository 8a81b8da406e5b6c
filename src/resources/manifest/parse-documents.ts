import type { Document as YamlDocument, LineCounter } from 'yaml';
import type * as YamlModule from 'yaml';
import { loadYaml } from '../../util/load-yaml.js';
import type { ManifestObject, PathSegment, SourcePosition } from './manifest-types.js';
import { pathKey } from './manifest-types.js';
import { LazyPositions } from './position-map.js';
import { PARSE_OPTIONS } from './yaml-options.js';
import type { KubeObject } from '../kube-object.js';

/** One problem found while reading a file: where, and what. */
export interface ReadProblem {
  file: string;
  document: number;
  line: number;
  column: number;
  message: string;
}

/** The objects of one file, or the problems that kept them from being read. */
export interface ParsedFile {
  objects: ManifestObject[];
  problems: ReadProblem[];
}

/** Aliases allowed per document before it is refused as a resource-exhaustion attack. */
export const MAX_ALIAS_COUNT = 100;

/**
 * Parses a multi-document YAML (or JSON) text into objects, flattening `kind: List` and
 * skipping empty and null documents. Each object keeps its file, document and field positions.
 *
 * Documents are composed one at a time and dropped once their value is taken: a 50 MB manifest
 * held every document's syntax tree at once (2.4 GB RSS). Field positions are not recorded
 * here but computed when a message first asks for one (see LazyPositions), so the parse keeps
 * only the values, the text and its line starts.
 */
export async function parseManifestText(file: string, text: string): Promise<ParsedFile> {
  const yaml = await loadYaml();
  const lines = new yaml.LineCounter();
  const parser = new yaml.Parser(lines.addNewLine);
  const composer = new yaml.Composer(PARSE_OPTIONS);
  const result: ParsedFile = { objects: [], problems: [] };
  let document = 0;
  for (const doc of composer.compose(parser.parse(text))) {
    document++;
    readDocument(doc, { yaml, file, document, text, lines }, result);
  }
  return result;
}

/** What reading one document needs besides the document. */
interface DocumentContext {
  yaml: typeof YamlModule;
  file: string;
  /** 1-based index of the document in its file. */
  document: number;
  text: string;
  lines: LineCounter;
}

/** Adds one document's objects (or its problems) to the result. */
function readDocument(
  doc: YamlDocument.Parsed,
  context: DocumentContext,
  result: ParsedFile,
): void {
  const { yaml, file, document, text, lines } = context;
  const problem = (offset: number, message: string): ReadProblem => ({
    file,
    document,
    ...linePos(lines, offset),
    message,
  });
  if (doc.errors.length > 0) {
    for (const error of doc.errors)
      result.problems.push(problem(error.pos[0], yamlErrorMessage(error, text)));
    return;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    result.problems.push(problem(start, aliasMessage(error)));
    return;
  }
  if (value === null || value === undefined) return;
  const start = doc.contents?.range?.[0] ?? doc.range[0];
  if (typeof value !== 'object' || Array.isArray(value)) {
    result.problems.push(problem(start, 'the document is not a YAML/JSON object'));
    return;
  }
  const positions = new LazyPositions(yaml, text, [doc.range[0], doc.range[2]], lines);
  const at = (path: PathSegment[]): SourcePosition =>
    positions.get(pathKey(path)) ?? linePos(lines, start);
  for (const { object, itemPath } of flattenLists(value as KubeObject, [])) {
    if (typeof object !== 'object' || object === null || Array.isArray(object)) {
      const pos = at(itemPath);
      result.problems.push({ file, document, ...pos, message: 'a List item is not an object' });
      continue;
    }
    result.objects.push({ object, source: { file, document, itemPath, positions } });
  }
}

/** Expands `kind: *List` objects (nested lists included) into their items, in order. */
function flattenLists(
  object: KubeObject,
  itemPath: PathSegment[],
): Array<{ object: KubeObject; itemPath: PathSegment[] }> {
  const kind = object['kind'];
  const items = object['items'];
  if (typeof kind !== 'string' || !kind.endsWith('List') || !Array.isArray(items))
    return [{ object, itemPath }];
  return items.flatMap((item: unknown, index) => {
    const path = [...itemPath, 'items', index];
    if (item === null || typeof item !== 'object' || Array.isArray(item))
      return [{ object: item as KubeObject, itemPath: path }];
    return flattenLists(item as KubeObject, path);
  });
}

function linePos(lines: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

interface YamlErrorLike {
  code: string;
  message: string;
  pos: [number, number];
}

/** Clearer wording for the YAML errors users hit most. */
function yamlErrorMessage(error: YamlErrorLike, text: string): string {
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return `duplicate key "${keyAt(text, error.pos[0])}"`;
    case 'TAB_AS_INDENT':
      return 'a tab character is used for indentation (YAML allows only spaces)';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `bad indentation or structure: ${firstLine(error.message)}`;
    default:
      return `invalid YAML: ${depthAware(firstLine(error.message))}`;
  }
}

/** The key written at an offset (up to its colon), quotes removed. */
function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 200).split('\n')[0] ?? '';
  return (rest.split(/:(\s|$)/)[0] ?? rest).trim().replace(/^["']|["']$/g, '');
}

function aliasMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/alias count/i.test(text))
    return `too many YAML aliases (more than ${MAX_ALIAS_COUNT}): refusing a possible alias bomb`;
  return `invalid YAML: ${depthAware(text)}`;
}

/**
 * A document nested thousands of levels deep overflows the parser's recursion; kubectl's YAML
 * reader refuses it as 'exceeded max depth' (of 10000), and so does ktl, instead of printing
 * the engine's 'Maximum call stack size exceeded'.
 */
function depthAware(text: string): string {
  return /Maximum call stack size exceeded/.test(text) ? 'exceeded max depth' : text;
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}
