/** `ktl set env`: kubectl's set_env.go. */
import { PlainError } from '../../errors/errors.js';
import type { FetchedInfo } from '../../resources/builder/index.js';
import {
  allWithSelector,
  labelResourcesRequired,
  selectInfos,
} from '../../resources/builder/index.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { Factory } from '../../runtime/factory.js';
import { boolFlag } from '../../runtime/flag-values.js';
import { checkResultOutput } from '../../runtime/result-printer.js';
import { selectContainers } from './containers.js';
import type { EnvVar } from './env-args.js';
import {
  checkNoOverwrites,
  envVarRefString,
  keyToEnvName,
  parseEnv,
  splitEnvironment,
  updateEnv,
} from './env-args.js';
import { containersOf, noPodTemplate, podSpecOf } from './pod-spec.js';
import type { SetFlags } from './set-run.js';
import { localDryRunError, patchEach, setDryRun, setTargets } from './set-run.js';

/** The flags of `set env`. */
export interface EnvFlags extends SetFlags {
  containers: string;
  env?: string[];
  from?: string;
  prefix?: string;
  keys?: string[];
  list?: boolean;
  resolve?: boolean;
  overwrite?: boolean | string;
}

/** The variables --from adds: one key reference per key of each ConfigMap or Secret. */
async function envFrom(factory: Factory, flags: EnvFlags): Promise<EnvVar[]> {
  if (!flags.from) return [];
  const infos = await selectInfos(factory, flags.local ? [] : [flags.from], {
    ...(flags.selector ? { selector: flags.selector } : {}),
    ...(flags.all ? { all: true } : {}),
    ...(flags.filename ? { filename: flags.filename } : {}),
    local: flags.local === true,
  });
  if (infos.errors.length > 0) throw infos.errors[0];
  const env: EnvVar[] = [];
  for (const { object, mapping } of infos.objects) {
    const kind = mapping.group === '' ? mapping.kind : '';
    if (kind !== 'Secret' && kind !== 'ConfigMap')
      throw new PlainError('unsupported resource specified in --from');
    const ref = kind === 'Secret' ? 'secretKeyRef' : 'configMapKeyRef';
    const data = (object['data'] ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(data)) {
      if (flags.keys && flags.keys.length > 0 && !flags.keys.includes(key)) continue;
      const name = keyToEnvName(key);
      if (name !== key) factory.streams.err.write(`Warning: key ${key} transferred to ${name}\n`);
      env.push({ name, valueFrom: { [ref]: { key, name: object.metadata?.name ?? '' } } });
    }
  }
  return env;
}

/** One container's variables as --list shows them, taken when the change was made. */
interface Listed {
  info: FetchedInfo;
  object: KubeObject;
  container: KubeObject;
  env: EnvVar[];
}

/**
 * `--list`: each selected container's variables, references shown as where they point or,
 * with --resolve, as the values they point at; the references that could not be read are
 * named on stderr after the container's list, and (as kubectl's) the exit code stays 0.
 */
async function listEnv(factory: Factory, listed: Listed, resolve: boolean): Promise<void> {
  const { info, object, container, env } = listed;
  const out = factory.streams.out;
  out.write(`# ${info.mapping.kind} ${info.name}, container ${String(container['name'] ?? '')}\n`);
  const failed = new Map<string, string[]>();
  const store = resolve ? await referenceStore(factory) : undefined;
  for (const variable of env) {
    if (!variable.valueFrom) {
      out.write(`${variable.name}=${variable.value ?? ''}\n`);
      continue;
    }
    if (store) {
      try {
        const { envVarRefValue } = await import('./env-resolve.js');
        const value = await envVarRefValue(store, variable.valueFrom, object, container);
        out.write(`${variable.name}=${value}\n`);
        continue;
      } catch (error) {
        const reason = (error as Error).message;
        failed.set(reason, [...(failed.get(reason) ?? []), variable.name]);
      }
    }
    out.write(`# ${variable.name} from ${envVarRefString(variable.valueFrom)}\n`);
  }
  const lines = [...failed].map(
    ([reason, names]) => `error retrieving reference for ${names.sort().join(', ')}: ${reason}`,
  );
  for (const line of lines.sort()) factory.streams.err.write(`${line}\n`);
}

/** Where --resolve reads ConfigMaps and Secrets: the command's namespace, not the object's. */
async function referenceStore(factory: Factory) {
  const { ReferenceStore } = await import('./env-resolve.js');
  return new ReferenceStore(factory, (await factory.namespace()).namespace);
}

/** `-e -` or a `-` argument: stdin's `KEY=VALUE` lines (read once, only when asked for). */
async function stdinIfUsed(factory: Factory, specs: readonly string[]): Promise<string> {
  if (!specs.includes('-')) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of factory.streams.in)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs `set env` over the arguments. */
export async function runSetEnv(factory: Factory, args: string[], flags: EnvFlags) {
  if (flags.all && flags.selector) throw allWithSelector();
  const split = splitEnvironment(args);
  if (!split)
    throw new PlainError(
      `all resources must be specified before environment changes: ${args.join(' ')}`,
    );
  checkResultOutput(flags);
  const dryRun = setDryRun(factory, flags);
  if (flags.local && dryRun === 'server') throw localDryRunError();
  if (!flags.filename?.length && split.resources.length === 0) throw labelResourcesRequired();
  if (flags.list && flags.output)
    throw new PlainError('--list and --output may not be specified together');
  if (flags.keys?.length && !flags.from)
    throw new PlainError(
      'when specifying --keys, a configmap or secret must be provided with --from',
    );
  const specs = [...(flags.env ?? []), ...split.envArgs];
  const parsed = parseEnv(specs, await stdinIfUsed(factory, specs));
  const env = [...parsed.env, ...(await envFrom(factory, flags))];
  if (flags.prefix) for (const variable of env) variable.name = `${flags.prefix}${variable.name}`;
  const infos = await setTargets(factory, split.resources, flags);
  const overwrite = boolFlag('--overwrite', flags.overwrite ?? true);
  const listed: Listed[] = [];
  await patchEach(factory, infos, flags, dryRun, {
    verb: 'env updated',
    failure: 'failed to patch env update to pod template',
    listOnly: flags.list === true,
    mutate: (object, info) => {
      const spec = podSpecOf(object, info.mapping);
      if (!spec) throw new Error(noPodTemplate(info.mapping));
      const containers = [
        ...selectContainers(containersOf(spec, 'containers'), flags.containers),
        ...selectContainers(containersOf(spec, 'initContainers'), flags.containers),
      ];
      if (containers.length === 0) {
        factory.streams.err.write(
          `Warning: ${info.mapping.kind}/${info.name} does not have any containers matching ${JSON.stringify(flags.containers)}\n`,
        );
        return;
      }
      for (const container of containers) {
        const existing = (container['env'] ?? []) as EnvVar[];
        if (!overwrite) checkNoOverwrites(existing, env);
        const updated = updateEnv(existing, env, parsed.remove);
        if (updated.length > 0 || container['env'] !== undefined) container['env'] = updated;
        if (flags.list) listed.push({ info, object, container, env: updated });
      }
    },
  });
  for (const entry of listed) await listEnv(factory, entry, flags.resolve === true);
}
