/**
 * `ktl patch`: sends the user's patch (JSON or YAML, from -p or --patch-file) with the content
 * type of --type and prints `patched` or `patched (no change)` as kubectl does. A client dry run
 * applies the patch locally (strategic merge with the kind's OpenAPI schema).
 */
import type { FetchedInfo, SelectOptions } from '../../resources/builder/index.js';
import {
  hasFilenames,
  infosInOrder,
  NoResourcesError,
  selectInfos,
} from '../../resources/builder/index.js';
import { readFile } from 'node:fs/promises';
import { ApiStatusError, PlainError, failWithErrors } from '../../errors/errors.js';
import type { JsonObject } from '../../resources/patch/json-value.js';
import { deepEqual } from '../../resources/patch/json-value.js';
import { objectPath } from '../../resources/resource-ref.js';
import type { KubeObject } from '../../resources/kube-object.js';
import { loadYaml } from '../../util/load-yaml.js';
import { dryRunStrategy } from '../../runtime/mutation-flags.js';
import type { Factory } from '../../runtime/factory.js';
import type { PrintFlagValues } from '../../runtime/template-output.js';
import { checkResultOutput, ResultPrinter } from '../../runtime/result-printer.js';
import { applyLocally } from './local-patch.js';

/** The flags of `ktl patch`. */
export interface PatchFlags extends SelectOptions, PrintFlagValues {
  patch?: string;
  patchFile?: string;
  type: string;
  subresource?: string;
  dryRun?: string | boolean;
  fieldManager?: string;
}

/** Content types of the three patch kinds. */
export const PATCH_CONTENT_TYPES: Record<string, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

/** Runs `ktl patch`. */
export async function runPatch(factory: Factory, args: string[], flags: PatchFlags): Promise<void> {
  if (!(flags.type in PATCH_CONTENT_TYPES))
    throw new PlainError(
      `--type must be one of [json merge strategic], not ${JSON.stringify(flags.type)}`,
    );
  if (flags.patch !== undefined && flags.patchFile !== undefined)
    throw new PlainError('cannot specify --patch and --patch-file together');
  checkResultOutput(flags);
  const dryRun = dryRunStrategy(flags.dryRun, (t) => factory.streams.err.write(t));
  if (flags.local && args.length > 0)
    throw new PlainError('cannot specify --local and server resources');
  if (flags.local && dryRun === 'server')
    throw new PlainError(
      'cannot specify --local and --dry-run=server - did you mean --dry-run=client?',
    );
  const text = await patchText(flags);
  if (args.length === 0 && !hasFilenames(flags)) throw new NoResourcesError();
  const body = await patchJson(text);
  const targets = await selectInfos(factory, args, {
    filename: flags.filename,
    kustomize: flags.kustomize,
    recursive: flags.recursive,
    // kubectl's patch builder has no Latest(): -f objects stay as read, so "no change" is
    // judged against the file, and only --local keeps the server out of it.
    local: true,
  });
  const printer = new ResultPrinter(factory.streams.out, flags);
  const errors: Error[] = [];
  for (const target of infosInOrder(targets)) {
    if (target instanceof Error) {
      errors.push(target);
      continue;
    }
    try {
      const before = flags.subresource
        ? await getSubresource(factory, target, flags.subresource)
        : target.object;
      const after =
        dryRun === 'client' || flags.local
          ? await applyLocally(
              factory,
              target.mapping,
              before as JsonObject,
              JSON.parse(body) as unknown,
              flags.type,
            )
          : await sendPatch(factory, target, flags, body, dryRun === 'server');
      const shownMapping = flags.subresource === 'scale' ? SCALE_MAPPING : target.mapping;
      await printer.print(
        shownMapping,
        after,
        deepEqual(before, after) ? 'patched (no change)' : 'patched',
      );
    } catch (error) {
      errors.push(error as Error);
    }
  }
  failWithErrors(errors);
}

const SCALE_MAPPING = {
  group: 'autoscaling',
  version: 'v1',
  resource: 'scale',
  kind: 'Scale',
  namespaced: true,
  singularName: 'scale',
  verbs: [],
  shortNames: [],
  categories: [],
};

async function patchText(flags: PatchFlags): Promise<string> {
  if (flags.patchFile !== undefined) {
    try {
      return await readFile(flags.patchFile, 'utf8');
    } catch (error) {
      const cause =
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'no such file or directory'
          : (error as Error).message;
      throw new PlainError(`unable to read patch file: open ${flags.patchFile}: ${cause}`);
    }
  }
  if (flags.patch === undefined || flags.patch === '')
    throw new PlainError(
      'must specify --patch or --patch-file containing the contents of the patch',
    );
  return flags.patch;
}

/** The patch as JSON text: kubectl accepts YAML too (yaml.ToJSON). */
async function patchJson(text: string): Promise<string> {
  try {
    JSON.parse(text);
    return text;
  } catch {
    const yaml = await loadYaml();
    try {
      return JSON.stringify(yaml.parse(text) ?? null);
    } catch (error) {
      throw new PlainError(`unable to parse "${text}": ${(error as Error).message}`);
    }
  }
}

async function getSubresource(
  factory: Factory,
  target: FetchedInfo,
  subresource: string,
): Promise<KubeObject> {
  const client = await factory.client();
  return client.json<KubeObject>({
    path: `${objectPath(target.mapping, target.name, target.namespace)}/${subresource}`,
  });
}

async function sendPatch(
  factory: Factory,
  target: FetchedInfo,
  flags: PatchFlags,
  body: string,
  serverDryRun: boolean,
): Promise<KubeObject> {
  const client = await factory.client();
  const base = objectPath(target.mapping, target.name, target.namespace);
  try {
    return await client.json<KubeObject>({
      method: 'PATCH',
      path: flags.subresource ? `${base}/${flags.subresource}` : base,
      contentType: PATCH_CONTENT_TYPES[flags.type] ?? PATCH_CONTENT_TYPES['strategic'],
      body,
      query: {
        dryRun: serverDryRun ? 'All' : undefined,
        fieldManager: flags.fieldManager || undefined,
      },
    });
  } catch (error) {
    if (error instanceof ApiStatusError && error.httpCode === 415) {
      const { group, version, kind } = target.mapping;
      const gvk = `${group}/${version}, Kind=${kind}`;
      throw new PlainError(
        `${PATCH_CONTENT_TYPES[flags.type] ?? flags.type} is not supported by ${gvk}`,
      );
    }
    throw error;
  }
}
