/** Runs `ktl run`: validates flags in kubectl's order, builds the Pod (or workload), sends, prints. */
import type { Command } from 'commander';
import { AggregateCliError, PlainError, UsageError } from '../../errors/errors.js';
import { parseGoDuration } from '../../config/duration.js';
import {
  invalidImageMessage,
  isValidImageReference,
} from '../../resources/generators/image-reference.js';
import type { KnownKind } from '../../resources/generators/known-kinds.js';
import { kindByName } from '../../resources/generators/known-kinds.js';
import type { KubeObject } from '../../resources/kube-object.js';
import { withLastApplied } from '../../resources/generators/object.js';
import { applyOverrides } from '../../resources/generators/overrides.js';
import { generateRunPod } from '../../resources/generators/pod.js';
import type { RunPodParams } from '../../resources/generators/pod.js';
import { generateRunService } from '../../resources/generators/run-service.js';
import type { RunWorkloadKind } from '../../resources/generators/run-workloads.js';
import { generateRunWorkload } from '../../resources/generators/run-workloads.js';
import { commandPathOf } from '../../runtime/command-context.js';
import { argsLenAtDash, requireFlags } from '../../runtime/command-args.js';
import { boolFlag, durationFlag, int32Flag, intFlag } from '../../runtime/flag-values.js';
import type { Cascade } from '../../runtime/cascade-flag.js';
import { cascadeFromFlag } from '../../runtime/cascade-flag.js';
import type { GeneratorFlagValues } from '../../runtime/mutation-flags.js';
import type { DryRunStrategy } from '../../runtime/mutation-flags.js';
import type { PrintSettings } from '../../runtime/generated-object.js';
import { commonSettings, printObject, sendObject } from '../../runtime/generated-object.js';
import { validateGenerated } from '../../runtime/validate-generated.js';
import type { Factory } from '../../runtime/factory.js';
import type { CreatedObject } from './remove-objects.js';

/** The flags of `ktl run`. */
export interface RunFlagValues extends GeneratorFlagValues {
  image?: string;
  imagePullPolicy?: string;
  env?: string[];
  port?: string;
  labels?: string;
  annotations?: string[];
  restart?: string;
  command?: boolean;
  expose?: boolean;
  overrides?: string;
  overrideType?: string;
  privileged?: boolean;
  stdin?: boolean;
  tty?: boolean;
  attach?: string | boolean;
  leaveStdinOpen?: boolean;
  rm?: boolean;
  quiet?: boolean;
  podRunningTimeout?: string;
  kind?: string;
  replicas?: string;
  schedule?: string;
  cascade?: string | boolean;
  filename?: string[];
  force?: boolean;
  gracePeriod?: string;
  kustomize?: string;
  recursive?: boolean;
  timeout?: string;
  wait?: string | boolean;
}

/**
 * The values of the delete flags that pflag parses before anything runs: a malformed one is
 * refused, a valid one has no effect (run's --rm overrides the grace period and --wait).
 */
function checkDeleteFlagValues(command: Command, opts: RunFlagValues): void {
  const path = commandPathOf(command);
  if (opts.gracePeriod !== undefined) intFlag('--grace-period', opts.gracePeriod, path);
  if (opts.timeout !== undefined) durationFlag('--timeout', opts.timeout, path);
  if (opts.wait !== undefined) boolFlag('--wait', opts.wait, path);
}

interface Target {
  object: KubeObject;
  kind: KnownKind;
}

/** Checks the flags in the order kubectl's RunOptions.Run does. */
function validateFlags(
  command: Command,
  args: string[],
  opts: RunFlagValues,
  attach: boolean,
  dryRun: DryRunStrategy,
): void {
  const path = commandPathOf(command);
  if (args.length === 0 || argsLenAtDash(command, args) === 0)
    throw new UsageError('NAME is required for run', path);
  const timeout = opts.podRunningTimeout ?? '1m0s';
  if (parseGoDuration(timeout) === undefined)
    throw new UsageError(`time: invalid duration ${JSON.stringify(timeout)}`, path);
  const image = opts.image ?? '';
  if (image === '') throw new PlainError('--image is required');
  if (!isValidImageReference(image)) throw new PlainError(invalidImageMessage(image));
  if (opts.tty && !opts.stdin)
    throw new UsageError('-i/--stdin is required for containers with -t/--tty=true', path);
  if (opts.expose && !opts.port)
    throw new UsageError('--port must be set when exposing a service', path);
  const restart = opts.restart ?? 'Always';
  if (restart !== '' && !['Always', 'OnFailure', 'Never'].includes(restart))
    throw new UsageError(`invalid restart policy: ${restart}`, path);
  if (!attach && opts.rm)
    throw new UsageError('--rm should only be used for attached containers', path);
  if (attach && dryRun !== 'none')
    throw new UsageError(
      "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)",
      path,
    );
  const pullPolicy = opts.imagePullPolicy ?? '';
  if (!['', 'Always', 'IfNotPresent', 'Never'].includes(pullPolicy))
    throw new UsageError(`invalid image pull policy: ${pullPolicy}`, path);
}

function podParams(args: string[], opts: RunFlagValues): RunPodParams {
  const restart = opts.restart || 'Always';
  return {
    name: args[0] ?? '',
    image: opts.image ?? '',
    labels: opts.labels ?? '',
    annotations: opts.annotations ?? [],
    env: opts.env ?? [],
    port: opts.port ?? '',
    restart,
    imagePullPolicy: opts.imagePullPolicy ?? '',
    args: args.slice(1),
    command: opts.command === true,
    stdin: opts.stdin === true,
    tty: opts.tty === true,
    leaveStdinOpen: opts.leaveStdinOpen === true,
    privileged: opts.privileged === true,
  };
}

function plain<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    throw error instanceof PlainError ? error : new PlainError((error as Error).message);
  }
}

function buildTarget(command: Command, params: RunPodParams, opts: RunFlagValues): Target {
  const kindName = opts.kind ?? 'pod';
  if (kindName === 'pod') {
    const object = plain(() =>
      applyOverrides(generateRunPod(params), opts.overrides ?? '', opts.overrideType ?? 'merge'),
    );
    return { object, kind: known('Pod') };
  }
  const replicas = int32Flag('--replicas', opts.replicas, 1, commandPathOf(command));
  const workload = plain(() =>
    generateRunWorkload(kindName as RunWorkloadKind, {
      ...params,
      replicas,
      schedule: opts.schedule ?? '',
      restart: command.getOptionValueSource('restart') === 'default' ? '' : (opts.restart ?? ''),
    }),
  );
  const object = plain(() =>
    applyOverrides(workload, opts.overrides ?? '', opts.overrideType ?? 'merge'),
  );
  const kind = known(String(object['kind'] ?? ''));
  return { object, kind };
}

function known(kind: string): KnownKind {
  const found = kindByName(kind);
  if (!found) throw new PlainError(`ktl run cannot create a ${kind}`);
  return found;
}

async function createOrPrepare(
  factory: Factory,
  target: Target,
  opts: RunFlagValues,
  dryRun: DryRunStrategy,
  ns: { namespace: string; explicit: boolean },
): Promise<KubeObject> {
  await validateGenerated(factory, target.object, opts.validate);
  if (dryRun === 'client') {
    if (!ns.explicit || !target.kind.namespaced) return target.object;
    const metadata = { ...(target.object['metadata'] as KubeObject) };
    const ordered: KubeObject = { name: metadata['name'], namespace: ns.namespace, ...metadata };
    return { ...target.object, metadata: ordered };
  }
  const object = withLastApplied(target.object, opts.saveConfig === true);
  return sendObject(factory, object, target.kind, {
    namespace: ns.namespace,
    fieldManager: opts.fieldManager ?? 'kubectl-run',
    dryRun,
  });
}

/** `ktl run NAME --image=IMAGE [--expose --port=N] [-- args...]`. */
export async function runRun(
  factory: Factory,
  command: Command,
  args: string[],
  opts: RunFlagValues,
): Promise<void> {
  checkDeleteFlagValues(command, opts);
  requireFlags(opts as Record<string, unknown>, [['image', 'image']]);
  const { dryRun, print } = commonSettings(factory, opts);
  // kubectl's Complete makes its delete options (for --rm) whether or not --rm is given
  const cascade = cascadeFromFlag(opts.cascade, (line) => factory.streams.err.write(line));
  const attach =
    opts.attach === undefined
      ? opts.stdin === true
      : boolFlag('--attach', opts.attach, commandPathOf(command));
  validateFlags(command, args, opts, attach, dryRun);
  const ns = await factory.namespace();
  const params = podParams(args, opts);
  const target = buildTarget(command, params, opts);
  const created = await createOrPrepare(factory, target, opts, dryRun, ns);
  const createdObjects: CreatedObject[] = [{ object: created, kind: target.kind }];
  const errors: Error[] = [];
  if (opts.expose) {
    try {
      createdObjects.push(await exposeService(factory, params, opts, dryRun, ns, print));
    } catch (error) {
      errors.push(error as Error);
    }
  }
  if (attach) {
    await attachThenRemove(factory, opts, createdObjects, cascade);
    return;
  }
  await printObject(factory, created, target.kind, print);
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateCliError(errors);
}

/** kubectl's getRestartPolicy: an empty --restart means OnFailure with -i, else Always. */
function restartPolicyOf(opts: RunFlagValues): string {
  const restart = opts.restart ?? 'Always';
  if (restart !== '') return restart;
  return opts.stdin ? 'OnFailure' : 'Always';
}

/** Attaches to the pod (the first object), then with --rm deletes everything run created. */
async function attachThenRemove(
  factory: Factory,
  opts: RunFlagValues,
  createdObjects: CreatedObject[],
  cascade: Cascade,
): Promise<void> {
  const { attachToRunPod } = await import('./attach-flow.js');
  const pod = createdObjects[0]?.object ?? {};
  const metadata = (pod['metadata'] ?? {}) as { name?: string; namespace?: string };
  try {
    await attachToRunPod(factory, {
      namespace: metadata.namespace ?? '',
      name: metadata.name ?? '',
      stdin: opts.stdin === true,
      tty: opts.tty === true,
      quiet: opts.quiet === true,
      leaveStdinOpen: opts.leaveStdinOpen === true,
      restartPolicy: restartPolicyOf(opts),
      timeoutMs: parseGoDuration(opts.podRunningTimeout ?? '1m0s') ?? 60_000,
    });
  } finally {
    if (opts.rm) {
      const { removeCreatedObjects } = await import('./remove-objects.js');
      // kubectl defers the removal and drops its error.
      await removeCreatedObjects(factory, createdObjects, opts.quiet === true, cascade).catch(
        () => {},
      );
    }
  }
}

async function exposeService(
  factory: Factory,
  params: RunPodParams,
  opts: RunFlagValues,
  dryRun: DryRunStrategy,
  ns: { namespace: string; explicit: boolean },
  print: PrintSettings,
): Promise<CreatedObject> {
  const service = plain(() =>
    generateRunService({ name: params.name, labels: params.labels ?? '', port: params.port ?? '' }),
  );
  const target = { object: service, kind: known('Service') };
  const created = await createOrPrepare(factory, target, opts, dryRun, ns);
  await printObject(factory, created, target.kind, print);
  // kubectl writes its own separator, then its YAML printer adds one before the second object.
  if (print.output === 'yaml') factory.streams.out.write('---\n---\n');
  return { object: created, kind: target.kind };
}
