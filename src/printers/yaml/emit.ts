import { goFloat } from '../go-fmt.js';
import { analyzeScalar } from './analyze.js';
import { needsQuotesToStayString } from './resolve.js';
import type { ScalarPosition } from './scalar.js';
import { writeDoubleQuoted, writeLiteral, writePlain, writeSingleQuoted } from './scalar.js';
import { compareYamlKeys } from './sort-keys.js';

type Json = unknown;

function isMap(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Strings go-yaml writes plain (or, when they would read back as another type, double-quoted)
 * without folding: no spaces, no indicators, no character needing analysis. Most keys and
 * values are like this; skipping the full analysis for them makes large outputs much faster.
 */
const SIMPLE = /^[A-Za-z0-9_/](?:[A-Za-z0-9_./@:-]*[A-Za-z0-9_./-])?$/;

function stringScalar(value: string, at: ScalarPosition, isKey: boolean): string {
  if (SIMPLE.test(value)) return needsQuotesToStayString(value) ? `"${value}"` : value;
  const analysis = analyzeScalar(value);
  if (value.includes('\n')) {
    if (isKey || !analysis.blockAllowed) return writeDoubleQuoted(value, at);
    return writeLiteral(value, at.indent);
  }
  if (needsQuotesToStayString(value)) return writeDoubleQuoted(value, at);
  if (isKey && analysis.multiline) return writeDoubleQuoted(value, at);
  if (analysis.blockPlainAllowed) return writePlain(value, at);
  if (analysis.singleQuotedAllowed) return writeSingleQuoted(value, at);
  return writeDoubleQuoted(value, at);
}

function scalar(value: Json, at: ScalarPosition, isKey = false): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? String(value) : goFloat(value);
  return stringScalar(String(value), at, isKey);
}

function emptyCollection(value: Json): string | undefined {
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (isMap(value) && Object.keys(value).length === 0) return '{}';
  return undefined;
}

/** Indentation strings by width. */
const indents: string[] = [];

function spaces(width: number): string {
  return (indents[width] ??= ' '.repeat(width));
}

/**
 * Keys as written: keys never fold, so a key's text does not depend on where it stands, and
 * the same few keys (name, type, description, ...) come back in every object of a large output.
 */
const keyTexts = new Map<string, string>();
const KEY_CACHE_LIMIT = 10_000;

function keyText(key: string): string {
  let text = keyTexts.get(key);
  if (text === undefined) {
    text = scalar(key, { column: 0, indent: 0, allowBreaks: false }, true);
    if (keyTexts.size < KEY_CACHE_LIMIT) keyTexts.set(key, text);
  }
  return text;
}

function sortedKeys(map: Record<string, Json>): string[] {
  const keys = Object.keys(map);
  return keys.length > 1 ? keys.sort(compareYamlKeys) : keys;
}

function emitMapping(map: Record<string, Json>, indent: number, out: string[]): void {
  for (const key of sortedKeys(map)) {
    const value = map[key];
    const head = `${spaces(indent)}${keyText(key)}:`;
    const empty = emptyCollection(value);
    if (empty !== undefined) out.push(`${head} ${empty}\n`);
    else if (isMap(value)) {
      out.push(`${head}\n`);
      emitMapping(value, indent + 2, out);
    } else if (Array.isArray(value)) {
      out.push(`${head}\n`);
      emitSequence(value, indent, out);
    } else {
      const at = { column: head.length + 1, indent: indent + 2, allowBreaks: true };
      out.push(`${head} ${scalar(value, at)}\n`);
    }
  }
}

function emitSequence(items: Json[], indent: number, out: string[]): void {
  const dash = `${spaces(indent)}- `;
  for (const item of items) {
    const empty = emptyCollection(item);
    if (empty !== undefined) out.push(`${dash}${empty}\n`);
    else if (isMap(item) || Array.isArray(item)) {
      const nested: string[] = [];
      if (isMap(item)) emitMapping(item, indent + 2, nested);
      else emitSequence(item, indent + 2, nested);
      nested[0] = dash + (nested[0] as string).slice(indent + 2);
      out.push(...nested);
    } else {
      const at = { column: dash.length, indent: indent + 2, allowBreaks: true };
      out.push(`${dash}${scalar(item, at)}\n`);
    }
  }
}

/** One YAML document exactly as kubectl (sigs.k8s.io/yaml over go-yaml v2) writes it. */
export function emitYamlDocument(value: Json): string {
  const empty = emptyCollection(value);
  if (empty !== undefined) return `${empty}\n`;
  const out: string[] = [];
  if (isMap(value)) emitMapping(value, 0, out);
  else if (Array.isArray(value)) emitSequence(value, 0, out);
  else out.push(`${scalar(value, { column: 0, indent: 2, allowBreaks: true })}\n`);
  return out.join('');
}
