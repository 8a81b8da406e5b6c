/** Runs `create deployment`, `create job` (including --from=cronjob/NAME) and `create cronjob`. */
import type { Command } from 'commander';
import { PlainError } from '../../errors/errors.js';
import { generateDeployment, validateDeployment } from '../../resources/generators/deployment.js';
import {
  generateCronJob,
  generateJob,
  generateJobFromCronJob,
  validateJob,
} from '../../resources/generators/job.js';
import type { KnownKind } from '../../resources/generators/known-kinds.js';
import {
  kindByName,
  kindForResourceArg,
  resourcePath,
} from '../../resources/generators/known-kinds.js';
import { splitCsvFlag } from '../../resources/generators/parse.js';
import type { Factory } from '../../runtime/factory.js';
import { nameFromArgs, requireFlags } from '../../runtime/command-args.js';
import { int32Flag } from '../../runtime/flag-values.js';
import type { GeneratorFlagValues } from '../../runtime/mutation-flags.js';
import { runGenerated } from './run-generated.js';
import { commandPathOf } from '../../runtime/command-context.js';
import type { KubeObject } from '../../resources/kube-object.js';

/** Flags of the workload subcommands. */
export interface WorkloadFlagValues extends GeneratorFlagValues {
  image?: string | string[];
  port?: string;
  replicas?: string;
  from?: string;
  schedule?: string;
  restart?: string;
}

function known(kind: string): KnownKind {
  const found = kindByName(kind);
  if (!found) throw new Error(`unknown kind ${kind}`);
  return found;
}

function commandAfterName(args: string[]): string[] {
  return args.slice(1);
}

/** `create deployment NAME --image=... [-- COMMAND...]`. */
export async function runCreateDeployment(
  factory: Factory,
  command: Command,
  args: string[],
  opts: WorkloadFlagValues,
): Promise<void> {
  requireFlags(opts as Record<string, unknown>, [['image', 'image']]);
  const port = int32Flag('--port', opts.port, -1, commandPathOf(command));
  const replicas = int32Flag('-r, --replicas', opts.replicas, 1, commandPathOf(command));
  const name = nameFromArgs(command, args);
  const images = splitCsvFlag(Array.isArray(opts.image) ? opts.image : [opts.image ?? '']);
  const params = { name, images, replicas, port, command: commandAfterName(args) };
  await runGenerated(factory, opts, {
    kind: known('Deployment'),
    errorPrefix: 'failed to create deployment: ',
    validate: () => {
      try {
        validateDeployment(params);
      } catch (error) {
        throw new PlainError((error as Error).message);
      }
    },
    build: (namespace) => generateDeployment({ ...params, namespace }),
  });
}

async function fetchCronJob(
  factory: Factory,
  from: string,
  namespace: string,
): Promise<KubeObject> {
  const slash = from.indexOf('/');
  const kind = kindForResourceArg(slash < 0 ? from : from.slice(0, slash));
  if (slash < 0 || !kind) throw new PlainError('from must be an existing cronjob');
  const client = await factory.client();
  const object = await client.json<KubeObject>({
    path: resourcePath(kind, namespace, from.slice(slash + 1)),
  });
  if (kind.kind !== 'CronJob')
    throw new PlainError(`unknown object type *${kind.version}.${kind.kind}`);
  return object;
}

/** `create job NAME --image=...` or `--from=cronjob/NAME`. */
export async function runCreateJob(
  factory: Factory,
  command: Command,
  args: string[],
  opts: WorkloadFlagValues,
): Promise<void> {
  const name = nameFromArgs(command, args);
  const image = typeof opts.image === 'string' ? opts.image : '';
  const from = opts.from ?? '';
  const commandArgs = commandAfterName(args);
  await runGenerated(factory, opts, {
    kind: known('Job'),
    errorPrefix: 'failed to create job: ',
    validate: () => {
      try {
        validateJob(image, from, commandArgs);
      } catch (error) {
        throw new PlainError((error as Error).message);
      }
    },
    build: async (namespace, fullNamespace) =>
      image
        ? generateJob({ name, namespace, image, command: commandArgs })
        : generateJobFromCronJob(name, namespace, await fetchCronJob(factory, from, fullNamespace)),
  });
}

/** `create cronjob NAME --image=... --schedule=...`. */
export async function runCreateCronJob(
  factory: Factory,
  command: Command,
  args: string[],
  opts: WorkloadFlagValues,
): Promise<void> {
  requireFlags(opts as Record<string, unknown>, [
    ['image', 'image'],
    ['schedule', 'schedule'],
  ]);
  const name = nameFromArgs(command, args);
  const params = {
    name,
    image: typeof opts.image === 'string' ? opts.image : '',
    schedule: opts.schedule ?? '',
    restart: opts.restart || 'OnFailure',
    command: commandAfterName(args),
  };
  await runGenerated(factory, opts, {
    kind: known('CronJob'),
    errorPrefix: 'failed to create cronjob: ',
    build: (namespace) => generateCronJob({ ...params, namespace }),
  });
}
