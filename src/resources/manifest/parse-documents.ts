import type { Document as YamlDocument, LineCounter } from 'yaml';
import type * as YamlModule from 'yaml';
import { loadJsYaml } from '../../util/load-js-yaml.js';
import { loadYaml } from '../../util/load-yaml.js';
import type { DocumentChunk } from './document-chunks.js';
import { splitDocuments } from './document-chunks.js';
import { FastDocumentReader } from './fast-documents.js';
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
 * The text is cut into documents at its `---` lines and each is read by js-yaml (fast path);
 * a document it does not take, or whose value needs a message, is read by `yaml` as every
 * document was before, so values, problems and their wording stay the same. Field positions
 * are not recorded here but computed when a message first asks for one (see LazyPositions), so
 * the parse keeps only the values, the text and its line starts.
 */
export async function parseManifestText(file: string, text: string): Promise<ParsedFile> {
  const yaml = await loadYaml();
  const chunks = splitDocuments(text);
  if (!chunks) return parseWithYaml(file, text);
  const fast = new FastDocumentReader(await loadJsYaml());
  const lines = lineCounter(yaml, text);
  const result: ParsedFile = { objects: [], problems: [] };
  for (const chunk of chunks) {
    const context = { yaml, file, document: chunk.number, text, lines };
    const read = fast.read(text.slice(chunk.start, chunk.end));
    if (read && addFastValue(read.value, [chunk.start, chunk.end], context, result)) continue;
    // `yaml` reads the document on its own. A problem found there (or other than the one
    // document the cut promised) has the whole file read by `yaml` as before: where a document
    // is broken, `yaml` may not end it at the next `---`, and its messages and document numbers
    // must stay what they were.
    if (!readChunkWithYaml(chunk, context, result)) return parseWithYaml(file, text);
  }
  return result;
}

/**
 * The whole text read by `yaml` alone: one document at a time with its Parser/Composer, each
 * dropped once its value is taken (a 50 MB manifest held every document's syntax tree at once
 * in 2.4 GB of RSS).
 */
export async function parseWithYaml(file: string, text: string): Promise<ParsedFile> {
  const yaml = await loadYaml();
  const lines = new yaml.LineCounter();
  const parser = new yaml.Parser(lines.addNewLine);
  const composer = new yaml.Composer(PARSE_OPTIONS);
  const result: ParsedFile = { objects: [], problems: [] };
  let document = 0;
  for (const doc of composer.compose(parser.parse(text))) {
    document++;
    readDocument(doc, 0, { yaml, file, document, text, lines }, result);
  }
  return result;
}

/** The line starts of a text, as `yaml`'s Parser records them. */
function lineCounter(yaml: typeof YamlModule, text: string): LineCounter {
  const lines = new yaml.LineCounter();
  lines.addNewLine(0);
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1))
    lines.addNewLine(at + 1);
  return lines;
}

/** Reads one cut-out document with `yaml`; false when it was not exactly one sound document. */
function readChunkWithYaml(
  chunk: DocumentChunk,
  context: DocumentContext,
  result: ParsedFile,
): boolean {
  const { yaml } = context;
  const docs = Array.from(
    new yaml.Composer(PARSE_OPTIONS).compose(
      new yaml.Parser().parse(context.text.slice(chunk.start, chunk.end)),
    ),
  );
  const [doc] = docs;
  if (docs.length !== 1 || !doc) return false;
  const problems = result.problems.length;
  readDocument(doc, chunk.start, context, result);
  return result.problems.length === problems;
}

/**
 * Adds the objects of a value js-yaml read; false when the value needs a message (not an
 * object, or a List item that is not one), which `yaml`'s path then words.
 */
function addFastValue(
  value: unknown,
  range: readonly [number, number],
  context: DocumentContext,
  result: ParsedFile,
): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  const items = flattenLists(value as KubeObject, []);
  if (items.some(({ object }) => !isObject(object))) return false;
  const { yaml, file, document, text, lines } = context;
  const positions = new LazyPositions(yaml, text, range, lines);
  for (const { object, itemPath } of items)
    result.objects.push({ object, source: { file, document, itemPath, positions } });
  return true;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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

/**
 * Adds one document's objects (or its problems) to the result. `base`: where the text `yaml`
 * parsed starts in the file (offsets in `doc` are relative to it).
 */
function readDocument(
  doc: YamlDocument.Parsed,
  base: number,
  context: DocumentContext,
  result: ParsedFile,
): void {
  const { yaml, file, document, text, lines } = context;
  const problem = (offset: number, message: string): ReadProblem => ({
    file,
    document,
    ...linePos(lines, base + offset),
    message,
  });
  if (doc.errors.length > 0) {
    for (const error of doc.errors)
      result.problems.push(problem(error.pos[0], yamlErrorMessage(error, text, base)));
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
  const range = [base + doc.range[0], base + doc.range[2]] as const;
  const positions = new LazyPositions(yaml, text, range, lines);
  const at = (path: PathSegment[]): SourcePosition =>
    positions.get(pathKey(path)) ?? linePos(lines, base + start);
  for (const { object, itemPath } of flattenLists(value as KubeObject, [])) {
    if (!isObject(object)) {
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
function yamlErrorMessage(error: YamlErrorLike, text: string, base: number): string {
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return `duplicate key "${keyAt(text, base + error.pos[0])}"`;
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
