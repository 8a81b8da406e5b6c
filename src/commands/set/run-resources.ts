/** `ktl set resources`: kubectl's set_resources.go. */
import { BareError, PlainError } from '../../errors/errors.js';
import { allWithSelector } from '../../resources/builder/index.js';
import { parseResourceList } from '../../resources/generators/simple-kinds.js';
import type { Factory } from '../../runtime/factory.js';
import { checkResultOutput } from '../../runtime/result-printer.js';
import { selectContainers } from './containers.js';
import { containersOf, noPodTemplate, podSpecOf } from './pod-spec.js';
import type { SetFlags } from './set-run.js';
import { localDryRunError, patchEach, setDryRun, setTargets } from './set-run.js';

/** The flags of `set resources`. */
export interface ResourcesFlags extends SetFlags {
  containers: string;
  limits?: string;
  requests?: string;
}

/** Validate: the flag checks, then the quantities (HandleResourceRequirementsV1). */
function requirements(flags: ResourcesFlags, dryRun: string) {
  if (flags.local && dryRun === 'server') throw localDryRunError();
  if (flags.all && flags.selector) throw allWithSelector();
  if (!flags.limits && !flags.requests)
    throw new PlainError(
      'you must specify an update to requests or limits (in the form of --requests/--limits)',
    );
  try {
    return {
      limits: parseResourceList(flags.limits ?? ''),
      requests: parseResourceList(flags.requests ?? ''),
    };
  } catch (error) {
    throw new PlainError((error as Error).message);
  }
}

/** Runs `set resources` over the arguments. */
export async function runSetResources(factory: Factory, args: string[], flags: ResourcesFlags) {
  checkResultOutput(flags);
  const dryRun = setDryRun(factory, flags);
  const infos = await setTargets(factory, args, flags);
  const wanted = requirements(flags, dryRun);
  const problems: Error[] = [];
  await patchEach(
    factory,
    infos,
    flags,
    dryRun,
    {
      verb: 'resource requirements updated',
      failure: 'failed to patch resources update to pod template',
      failureSeparator: ' ',
      mutate: (object, info) => {
        const spec = podSpecOf(object, info.mapping);
        if (!spec) throw new Error(noPodTemplate(info.mapping));
        const containers = selectContainers(containersOf(spec, 'containers'), flags.containers);
        if (containers.length === 0) {
          problems.push(new BareError(`error: unable to find container named ${flags.containers}`));
          return false;
        }
        for (const container of containers) {
          const resources = (container['resources'] ?? {}) as Record<string, unknown>;
          for (const field of ['limits', 'requests'] as const) {
            const values = wanted[field];
            if (!values) continue;
            resources[field] = { ...((resources[field] as object | undefined) ?? {}), ...values };
          }
          container['resources'] = resources;
        }
        return true;
      },
    },
    problems,
  );
}
