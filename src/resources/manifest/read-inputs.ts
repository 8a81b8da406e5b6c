import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PlainError } from '../../errors/errors.js';
import type { GetResponse } from '../../transport/http-get.js';
import { httpGet } from '../../transport/http-get.js';
import { expandGlob, hasGlobMeta } from './glob.js';

/** The text of one input (file, stdin or URL) with the name used in messages. */
export interface InputText {
  name: string;
  text: string;
}

/** How -f arguments are read. */
export interface ReadInputOptions {
  recursive: boolean;
  stdin: NodeJS.ReadableStream;
  /** Fetches a URL (injectable for tests); defaults to httpGet with kubectl's retries. */
  fetchUrl?: (url: string) => Promise<string>;
}

const MANIFEST_EXTENSIONS = ['.json', '.yaml', '.yml'];

/**
 * Reads every -f argument in order: `-` (stdin), http(s) URLs, globs, directories (manifest
 * extensions only, lexical order, subdirectories only with -R) and plain files.
 */
export async function readInputs(
  filenames: readonly string[],
  options: ReadInputOptions,
): Promise<InputText[]> {
  const inputs: InputText[] = [];
  for (const name of filenames) {
    if (name === '-') inputs.push({ name: 'STDIN', text: await readStream(options.stdin) });
    else if (/^https?:\/\//.test(name))
      inputs.push({ name, text: await (options.fetchUrl ?? fetchWithRetries)(name) });
    else {
      const matches = await expandPath(name);
      for (const match of matches) inputs.push(...(await readPath(match, options.recursive)));
      // kubectl's Builder.Path: nothing read from any -f so far is an error.
      if (inputs.length === 0)
        throw new PlainError(
          `error reading [${matches.join(' ')}]: recognized file extensions are [${MANIFEST_EXTENSIONS.join(' ')}]`,
        );
    }
  }
  return inputs;
}

/** The path itself, or what its glob pattern matches. */
async function expandPath(path: string): Promise<string[]> {
  if (existsSync(path)) return [path];
  const matches = hasGlobMeta(path) ? await expandGlob(path) : [];
  if (matches.length === 0) throw new PlainError(`the path "${path}" does not exist`);
  return matches;
}

async function readPath(path: string, recursive: boolean): Promise<InputText[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [{ name: path, text: await readFile(path, 'utf8') }];
  const files = await walkDirectory(path, recursive);
  return Promise.all(files.map(async (name) => ({ name, text: await readFile(name, 'utf8') })));
}

/** Files with manifest extensions under a directory, in filepath.Walk's lexical order. */
async function walkDirectory(dir: string, recursive: boolean): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const files: string[] = [];
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recursive) files.push(...(await walkDirectory(full, recursive)));
    } else if (MANIFEST_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) files.push(full);
  }
  return files;
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * GETs a URL as kubectl's readHttpWithRetries: three attempts a second apart, retrying
 * connection failures and server errors; a connection failure is reported as kubectl reports
 * one with the API server.
 */
async function fetchWithRetries(url: string): Promise<string> {
  let failure: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 1000));
    let response: GetResponse;
    try {
      response = await httpGet(url);
    } catch (error) {
      failure = error;
      continue;
    }
    if (response.status >= 200 && response.status < 300) return response.body.toString('utf8');
    failure = new PlainError(
      `unable to read URL "${url}", server reported ${response.status} ${response.statusText}, status code=${response.status}`,
    );
    if (response.status < 500) break;
  }
  throw failure;
}
