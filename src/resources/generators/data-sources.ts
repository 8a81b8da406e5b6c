/**
 * Reading the --from-file / --from-literal / --from-env-file sources of `create configmap`
 * and `create secret`, with kubectl's rules (util.ParseFileSource, cmdutil.AddFromEnvFile)
 * and messages. File access goes through a SourceReader so the rules can be unit-tested.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { envVarNameErrors } from './validation.js';
import { parseFileSource, parseLiteralSource } from './parse.js';

/** The file-system and environment access the sources need. */
export interface SourceReader {
  /** 'dir' or 'file'; throws an Error whose message is Go's (e.g. "no such file or directory"). */
  kind(path: string): 'dir' | 'file';
  /** Names of the regular files in a directory, sorted. */
  regularFiles(path: string): string[];
  readFile(path: string): Buffer;
  env(name: string): string;
}

/** Receives each key and its bytes, in kubectl's order; throws to stop. */
export type AddEntry = (key: string, data: Buffer) => void;

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
};

function goErrnoText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return ERRNO_TEXT[code] ?? (error instanceof Error ? error.message : String(error));
}

/** The real file system and process environment. */
export const nodeSourceReader: SourceReader = {
  kind(path) {
    try {
      return statSync(path).isDirectory() ? 'dir' : 'file';
    } catch (error) {
      throw new Error(goErrnoText(error));
    }
  },
  regularFiles(path) {
    return readdirSync(path, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  },
  readFile(path) {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new Error(`open ${path}: ${goErrnoText(error)}`);
    }
  },
  env: (name) => process.env[name] ?? '',
};

/** --from-literal sources. */
export function addLiteralSources(sources: readonly string[], add: AddEntry): void {
  for (const source of sources) {
    const { key, value } = parseLiteralSource(source);
    add(key, Buffer.from(value, 'utf8'));
  }
}

/** --from-file sources: files (key defaults to the basename) and directories (each regular file). */
export function addFileSources(
  sources: readonly string[],
  reader: SourceReader,
  add: AddEntry,
): void {
  for (const source of sources) {
    const { key, path } = parseFileSource(source);
    let kind: 'dir' | 'file';
    try {
      kind = reader.kind(path);
    } catch (error) {
      throw new Error(`error reading ${path}: ${(error as Error).message}`);
    }
    if (kind === 'file') {
      add(key, reader.readFile(path));
      continue;
    }
    if (source.includes('=')) throw new Error('cannot give a key name for a directory path');
    for (const name of reader.regularFiles(path)) add(name, reader.readFile(join(path, name)));
  }
}

/** --from-env-file sources: KEY=VALUE lines; a bare KEY takes its value from the environment. */
export function addEnvFileSources(
  sources: readonly string[],
  reader: SourceReader,
  add: AddEntry,
  directoryMessage: string,
): void {
  for (const source of sources) {
    let kind: 'dir' | 'file';
    try {
      kind = reader.kind(source);
    } catch (error) {
      throw new Error(`error reading ${source}: ${(error as Error).message}`);
    }
    if (kind === 'dir') throw new Error(directoryMessage);
    const lines = splitLines(reader.readFile(source));
    lines.forEach((line, index) => {
      const entry = envFileLine(line, source, index);
      if (entry) add(entry.key, Buffer.from(entry.value ?? reader.env(entry.key), 'utf8'));
    });
  }
}

function splitLines(content: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= content.length; i++) {
    if (i === content.length || content[i] === 0x0a) {
      let end = i;
      if (end > start && content[end - 1] === 0x0d) end--;
      if (i < content.length || end > start) lines.push(content.subarray(start, end));
      start = i + 1;
    }
  }
  return lines;
}

function envFileLine(
  raw: Buffer,
  path: string,
  index: number,
): { key: string; value: string | undefined } | undefined {
  if (!isValidUtf8(raw)) {
    throw new Error(
      `env file ${path} contains invalid utf8 bytes at line ${index + 1}: [${[...raw].join(' ')}]`,
    );
  }
  let line = raw.toString('utf8');
  if (index === 0 && line.startsWith('\ufeff')) line = line.slice(1);
  line = line.replace(/^\s+/u, '');
  if (line.length === 0 || line.startsWith('#')) return undefined;
  const at = line.indexOf('=');
  const key = at < 0 ? line : line.slice(0, at);
  const errors = envVarNameErrors(key);
  if (errors.length > 0)
    throw new Error(`${JSON.stringify(key)} is not a valid key name: ${errors.join(';')}`);
  return { key, value: at < 0 ? undefined : line.slice(at + 1) };
}

/** Whether bytes are valid UTF-8 (Go's utf8.Valid). */
export function isValidUtf8(data: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}
