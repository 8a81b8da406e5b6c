/** Runs `ktl expose`: reads each source object and creates the Service for it. */
import { PlainError } from '../../errors/errors.js';
import { checkExposable, generateExposeService } from '../../resources/generators/expose.js';
import type { ExposeParams } from '../../resources/generators/expose.js';
import { kindByName } from '../../resources/generators/known-kinds.js';
import { namedSources } from '../../resources/generators/mapped-kind.js';
import { withLastApplied } from '../../resources/generators/object.js';
import { applyOverrides } from '../../resources/generators/overrides.js';
import type { GeneratorFlagValues } from '../../runtime/mutation-flags.js';
import { commonSettings, printObject, sendObject } from '../../runtime/generated-object.js';
import { validateGenerated } from '../../runtime/validate-generated.js';
import type { FilenameOptions } from '../../resources/builder/index.js';
import type { Factory } from '../../runtime/factory.js';

/** The flags of `expose`. */
export interface ExposeFlagValues
  extends
    GeneratorFlagValues,
    FilenameOptions,
    Omit<ExposeParams, 'clusterIP' | 'externalIP' | 'loadBalancerIP'> {
  clusterIp?: string;
  externalIp?: string;
  loadBalancerIp?: string;
  overrides?: string;
  overrideType?: string;
}

function plain<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    throw error instanceof PlainError ? error : new PlainError((error as Error).message);
  }
}

function exposeParams(opts: ExposeFlagValues): ExposeParams {
  const params: ExposeParams = { ...opts };
  if (opts.clusterIp !== undefined) params.clusterIP = opts.clusterIp;
  if (opts.externalIp !== undefined) params.externalIP = opts.externalIp;
  if (opts.loadBalancerIp !== undefined) params.loadBalancerIP = opts.loadBalancerIp;
  return params;
}

/** `ktl expose TYPE NAME [flags]`. */
export async function runExpose(
  factory: Factory,
  args: string[],
  opts: ExposeFlagValues,
): Promise<void> {
  const { dryRun, print } = commonSettings(factory, opts, 'exposed');
  const targets = await namedSources(factory, args, opts);
  const { namespace, explicit } = await factory.namespace();
  const serviceKind = kindByName('Service');
  if (!serviceKind) throw new Error('Service is not a known kind');
  for (const target of targets) {
    if (target instanceof Error) throw target;
    const source = target.object;
    plain(() => checkExposable(target.kind.kind, target.kind.group));
    const generated = plain(() =>
      generateExposeService({ ...source, kind: target.kind.kind }, exposeParams(opts)),
    );
    let service = plain(() =>
      applyOverrides(generated, opts.overrides ?? '', opts.overrideType ?? 'merge'),
    );
    await validateGenerated(factory, service, opts.validate);
    if (dryRun === 'client') {
      if (explicit) {
        const metadata = service.metadata ?? {};
        service = { ...service, metadata: { name: metadata.name, namespace, ...metadata } };
      }
      await printObject(factory, service, serviceKind, print);
      continue;
    }
    service = withLastApplied(service, opts.saveConfig === true);
    const created = await sendObject(factory, service, serviceKind, {
      namespace,
      fieldManager: opts.fieldManager ?? 'kubectl-expose',
      dryRun,
    });
    await printObject(factory, created, serviceKind, print);
  }
}
