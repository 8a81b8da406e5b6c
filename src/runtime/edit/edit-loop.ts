/**
 * kubectl's edit loop (cmd/util/editor EditOptions.Run), shared by `edit`, `create --edit` and
 * `apply edit-last-applied`: the objects (one, or a List) are written under kubectl's header,
 * the editor opens, and the verb's save sends what changed. A failed save reopens the file with
 * the user's text kept and the errors as comments at the top; saving it unchanged then gives up
 * and keeps a copy. Nothing the user typed is lost.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResourceMapping } from '../../discovery/index.js';
import { ApiStatusError, PlainError } from '../../errors/errors.js';
import { formatError } from '../../errors/format-error.js';
import { toKubectlJson } from '../../printers/json-text.js';
import { withoutManagedFields } from '../../printers/managed-fields.js';
import { toKubectlYaml } from '../../printers/yaml-text.js';
import type { KubeObject } from '../../resources/kube-object.js';
import { loadYaml } from '../../util/load-yaml.js';
import type { Factory } from '../factory.js';
import type { EditHeaderKind } from './editor.js';
import { editHeader, runEditor, stripComments, withCrlf } from './editor.js';

/** One object shown in the editor, with where it lives. */
export interface EditTarget {
  mapping: ResourceMapping;
  name: string;
  namespace?: string;
  object: KubeObject;
}

/** How the file is written. */
export interface EditFileSettings {
  /** -o json: JSON without the header; otherwise YAML under it. */
  json: boolean;
  windowsLineEndings: boolean;
  header: EditHeaderKind;
}

/** The objects whose save failed (the editor reopens with them) and the comment blocks why. */
export interface SaveOutcome {
  failed: EditTarget[];
  errors: string[];
}

/**
 * Sends the edited objects of one pass. Throwing stops the edit: the file is kept and named,
 * as kubectl's preservedFile does.
 */
export type SaveEdited = (pending: EditTarget[], edited: KubeObject[]) => Promise<SaveOutcome>;

function groupResource(target: EditTarget): string {
  const { resource, group } = target.mapping;
  return group === '' ? resource : `${resource}.${group}`;
}

/** The comment block for a failed save of one object. */
export function errorBlock(target: EditTarget, causes: readonly string[]): string {
  return `# ${groupResource(target)} ${JSON.stringify(target.name)} was not valid:\n${causes.map((c) => `# * ${c}\n`).join('')}#\n`;
}

/** The causes the server gave for refusing an object, or the error's message. */
export function causesOf(error: Error): string[] {
  if (error instanceof ApiStatusError) {
    const causes = error.status.details?.causes ?? [];
    if (causes.length > 0)
      return causes.map((c) => (c.field ? `${c.field}: ${c.message ?? ''}` : (c.message ?? '')));
  }
  return [error.message];
}

/** kubectl's line for an edit the server refused; the editor opens again with the causes. */
export function reportInvalid(factory: Factory, target: EditTarget): void {
  const error = new PlainError(
    `${groupResource(target)} ${JSON.stringify(target.name)} is invalid`,
  );
  factory.streams.err.write(formatError(error).text);
}

async function serialize(objects: KubeObject[], json: boolean): Promise<string> {
  const shown = objects.map((o) => withoutManagedFields(o));
  const value =
    shown.length === 1 ? shown[0] : { apiVersion: 'v1', items: shown, kind: 'List', metadata: {} };
  return json ? toKubectlJson(value) : toKubectlYaml(value);
}

async function parseEdited(text: string): Promise<KubeObject[]> {
  const body = stripComments(text);
  if (body.trim() === '') throw new Error('invalid object to validate');
  const yaml = await loadYaml();
  const value = yaml.parse(body) as KubeObject & { items?: KubeObject[] };
  if (value === null || typeof value !== 'object') throw new Error('invalid object to validate');
  return value.kind === 'List' && Array.isArray(value.items) ? value.items : [value];
}

function firstLine(error: unknown): string {
  return ((error as Error).message.split('\n')[0] ?? '').trim();
}

/** Edits the targets until their save succeeds or the user gives up. */
export async function editInEditor(
  factory: Factory,
  targets: EditTarget[],
  settings: EditFileSettings,
  save: SaveEdited,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ktl-edit-'));
  const file = join(dir, `edit.${settings.json ? 'json' : 'yaml'}`);
  const state = { edited: false };
  try {
    await editUntilSaved(factory, targets, settings, save, { file, state });
  } catch (error) {
    // kubectl's preservedFile: the copy is named once the user has edited it.
    if (state.edited)
      factory.streams.err.write(
        `A copy of your changes has been stored to ${JSON.stringify(file)}\n`,
      );
    throw error;
  }
  // Removed once the edit is done or cancelled; kept when an error named it.
  await rm(dir, { recursive: true, force: true });
}

async function editUntilSaved(
  factory: Factory,
  toEdit: EditTarget[],
  settings: EditFileSettings,
  save: SaveEdited,
  { file, state }: { file: string; state: { edited: boolean } },
): Promise<void> {
  let pending = toEdit;
  let body = await serialize(
    pending.map((t) => t.object),
    settings.json,
  );
  // kubectl writes no header above JSON (it would not parse back).
  const header = (errors: string[]): string =>
    settings.json ? '' : editHeader(errors, settings.header);
  const crlf = (text: string): string => (settings.windowsLineEndings ? withCrlf(text) : text);
  const original = crlf(header([]) + body);
  let errors: string[] = [];
  for (;;) {
    const shown = crlf(header(errors) + body);
    await writeFile(file, shown);
    await runEditor(factory.env, file);
    const edited = await readFile(file, 'utf8');
    state.edited = true;
    if (errors.length > 0 && stripComments(edited) === stripComments(shown))
      throw new PlainError('Edit cancelled, no valid changes were saved.');
    if (stripComments(edited) === stripComments(original)) {
      factory.streams.err.write('Edit cancelled, no changes made.\n');
      return;
    }
    body = stripComments(edited).replace(/^(\r?\n)+/, '');
    errors = [];
    let objects: KubeObject[];
    try {
      objects = await parseEdited(edited);
    } catch (error) {
      const first = pending[0] as EditTarget;
      errors = [
        errorBlock(first, [
          `<nil>: Invalid value: "The edited file failed validation": ${firstLine(error)}`,
        ]),
      ];
      reportInvalid(factory, first);
      continue;
    }
    const outcome = await save(pending, objects);
    if (outcome.failed.length === 0) return;
    pending = outcome.failed;
    errors = outcome.errors;
  }
}
