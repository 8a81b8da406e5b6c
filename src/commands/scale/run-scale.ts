/**
 * `ktl scale`: sets spec.replicas through the scale subresource as kubectl's scaler does: a
 * merge patch when there are no preconditions, else GET + check + PUT; with --timeout it then
 * waits until status.replicas matches.
 */
import type { FetchedInfo, Infos, SelectOptions } from '../../resources/builder/index.js';
import { hasFilenames, NoResourcesError, selectInfos } from '../../resources/builder/index.js';
import { durationFlag } from '../../runtime/flag-values.js';
import { ApiStatusError, PlainError, failWithErrors } from '../../errors/errors.js';
import { patchReplicas, scalePath } from '../../resources/actions/scale-object.js';
import type { Factory } from '../../runtime/factory.js';
import { dryRunStrategy } from '../../runtime/mutation-flags.js';
import type { DryRunStrategy } from '../../runtime/mutation-flags.js';
import type { PrintFlagValues } from '../../runtime/template-output.js';
import { checkResultOutput, ResultPrinter } from '../../runtime/result-printer.js';
import { int32Flag } from '../../runtime/flag-values.js';
import type { Command } from 'commander';
import { commandPathOf } from '../../runtime/command-context.js';

/** The flags of `ktl scale`. */
export interface ScaleFlags extends SelectOptions, PrintFlagValues {
  replicas?: string;
  currentReplicas: string;
  resourceVersion?: string;
  all?: boolean;
  selector?: string;
  timeout: string;
  dryRun?: string | boolean;
}

interface Scale {
  metadata?: { resourceVersion?: string };
  spec?: { replicas?: number };
  status?: { replicas?: number };
}

/** Runs `ktl scale`. */
export async function runScale(
  factory: Factory,
  command: Command,
  args: string[],
  flags: ScaleFlags,
): Promise<void> {
  const current = int32Flag(
    '--current-replicas',
    flags.currentReplicas,
    -1,
    commandPathOf(command),
  );
  const timeoutMs = durationFlag('--timeout', flags.timeout, factory.commandPath);
  if (flags.replicas === undefined) throw new PlainError('required flag(s) "replicas" not set');
  const replicas = int32Flag('--replicas', flags.replicas, -1, commandPathOf(command));
  checkResultOutput(flags);
  const dryRun = dryRunStrategy(flags.dryRun, (t) => factory.streams.err.write(t));
  if (replicas < 0)
    throw new PlainError(
      'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    );
  if (current < -1)
    throw new PlainError('The --current-replicas must specify an integer of -1 or greater');
  if (args.length === 0 && !hasFilenames(flags)) throw new NoResourcesError();
  const targets = await scaleTargets(factory, args, flags);
  if (flags.resourceVersion && targets.objects.length > 1)
    throw new PlainError('cannot use --resource-version with multiple resources');
  if (targets.objects.length === 0) throw noObjectsError(targets.errors);
  const printer = new ResultPrinter(factory.streams.out, flags, dryRun);
  for (const target of targets.objects) {
    if (dryRun !== 'client') await scaleOne(factory, target, replicas, flags, dryRun);
    if (timeoutMs > 0 && dryRun === 'none') await waitForReplicas(factory, target, timeoutMs);
    await printer.print(target.mapping, target.object, 'scaled');
  }
  failWithErrors(targets.errors);
}

/** The objects to scale; a list the server refused counts as found nothing (ContinueOnError). */
async function scaleTargets(factory: Factory, args: string[], flags: ScaleFlags): Promise<Infos> {
  const { selector, all, filename, kustomize, recursive } = flags;
  try {
    return await selectInfos(factory, args, { selector, all, filename, kustomize, recursive });
  } catch (error) {
    if (error instanceof ApiStatusError) return { objects: [], errors: [error] };
    throw error;
  }
}

/** kubectl's `no objects passed to scale %w` over the builder's (aggregated) errors. */
function noObjectsError(errors: readonly Error[]): PlainError {
  const messages = errors.map((e) => e.message);
  if (messages.length === 0) return new PlainError('no objects passed to scale');
  const cause = messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`;
  return new PlainError(`no objects passed to scale ${cause}`);
}

function scalePathOf(target: FetchedInfo): string {
  return scalePath(target.mapping, target.name, target.namespace);
}

async function scaleOne(
  factory: Factory,
  target: FetchedInfo,
  replicas: number,
  flags: ScaleFlags,
  dryRun: DryRunStrategy,
): Promise<void> {
  const client = await factory.client();
  const query = { dryRun: dryRun === 'server' ? 'All' : undefined };
  const current = Number(flags.currentReplicas);
  if (current === -1 && !flags.resourceVersion) {
    const { mapping, name, namespace } = target;
    await patchReplicas(client, mapping, name, namespace, replicas, dryRun === 'server');
    return;
  }
  for (let attempt = 0; ; attempt++) {
    const scale = await client.json<Scale>({ path: scalePathOf(target) });
    if (current !== -1 && scale.spec?.replicas !== current)
      throw new PlainError(`Expected replicas to be ${current}, was ${scale.spec?.replicas ?? 0}`);
    if (flags.resourceVersion && scale.metadata?.resourceVersion !== flags.resourceVersion)
      throw new PlainError(
        `Expected resource version to be ${flags.resourceVersion}, was ${scale.metadata?.resourceVersion ?? ''}`,
      );
    try {
      const body = JSON.stringify({ ...scale, spec: { ...scale.spec, replicas } });
      await client.json({
        method: 'PUT',
        path: scalePathOf(target),
        contentType: 'application/json',
        body,
        query,
      });
      return;
    } catch (error) {
      if (!(error instanceof ApiStatusError && error.reason === 'Conflict') || attempt > 5)
        throw error;
    }
  }
}

async function waitForReplicas(
  factory: Factory,
  target: FetchedInfo,
  timeoutMs: number,
): Promise<void> {
  const client = await factory.client();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const scale = await client.json<Scale>({ path: scalePathOf(target) });
    if (scale.status?.replicas === scale.spec?.replicas) return;
    if (Date.now() >= deadline) throw new PlainError('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
