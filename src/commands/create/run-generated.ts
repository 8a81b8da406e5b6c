/**
 * The shared body of every `create <kind>` subcommand: build the object with its generator,
 * add --save-config's annotation, then print it (client dry-run) or send it and print the
 * server's answer, wrapping API errors as the kubectl subcommand does.
 */
import { ApiStatusError, PlainError } from '../../errors/errors.js';
import type { KnownKind } from '../../resources/generators/known-kinds.js';
import type { KubeObject } from '../../resources/kube-object.js';
import { withLastApplied } from '../../resources/generators/object.js';
import type { Factory } from '../../runtime/factory.js';
import type { GeneratorFlagValues } from '../../runtime/mutation-flags.js';
import { commonSettings, printObject, sendObject } from '../../runtime/generated-object.js';
import { validateGenerated } from '../../runtime/validate-generated.js';

/** How one subcommand builds and sends its object. */
export interface GeneratedCommand {
  kind: KnownKind;
  /** Builds the object; `namespace` is set only when -n was given. */
  build: (namespace: string | undefined, fullNamespace: string) => KubeObject | Promise<KubeObject>;
  /** The prefix kubectl puts before server errors, e.g. "failed to create configmap: ". */
  errorPrefix?: string;
  /** Flag checks kubectl makes after reading the common flags (its Validate step). */
  validate?: () => void;
  /** Whether --validate is sent as fieldValidation (the typed create subcommands do). */
  sendValidation?: boolean;
}

/** Runs a create subcommand end to end. */
export async function runGenerated(
  factory: Factory,
  opts: GeneratorFlagValues,
  spec: GeneratedCommand,
): Promise<void> {
  const { dryRun, print } = commonSettings(factory, opts);
  const { namespace, explicit } = await factory.namespace();
  spec.validate?.();
  const scoped = spec.kind.namespaced;
  let object = await spec.build(explicit && scoped ? namespace : undefined, namespace);
  object = withLastApplied(object, opts.saveConfig === true);
  await validateGenerated(factory, object, opts.validate);
  if (dryRun === 'client') {
    await printObject(factory, object, spec.kind, print);
    return;
  }
  let created: KubeObject;
  try {
    const settings = { namespace, fieldManager: opts.fieldManager ?? 'kubectl-create', dryRun };
    created = await sendObject(
      factory,
      object,
      spec.kind,
      spec.sendValidation === false
        ? settings
        : { ...settings, validate: opts.validate ?? 'strict' },
    );
  } catch (error) {
    if (spec.errorPrefix && error instanceof ApiStatusError)
      throw new PlainError(`${spec.errorPrefix}${error.message}`);
    throw error;
  }
  await printObject(factory, created, spec.kind, print);
}
