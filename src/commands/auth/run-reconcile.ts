/**
 * `ktl auth reconcile -f FILE`: kubectl's RBAC reconciliation. Each rbac/v1 Role, ClusterRole,
 * RoleBinding and ClusterRoleBinding of the manifests is created, or its live object is given
 * the missing rules or subjects (only those with --remove-extra-*); other kinds are skipped.
 * Failures are collected and reported at the end, as kubectl's ContinueOnError builder does.
 */
import { MultipleErrors, PlainError } from '../../errors/errors.js';
import type { FilenameOptions } from '../../resources/builder/index.js';
import {
  ResourceBuilder,
  hasFilenames,
  metadataOf,
  namespaceMismatch,
} from '../../resources/builder/index.js';
import { toGoJson } from '../../printers/json-text.js';
import type { ManifestObject } from '../../resources/manifest/manifest-types.js';
import { inKubectlScheme } from '../../resources/pods/kubectl-scheme.js';
import type { BindingObject, RbacObject, RoleObject } from '../../resources/rbac/rbac-types.js';
import {
  GoTypeError,
  RBAC_GROUP,
  RBAC_KINDS,
  decodeRbac,
  isRoleObject,
  metaString,
} from '../../resources/rbac/rbac-types.js';
import type { BindingResult, RoleResult } from '../../resources/rbac/reconcile.js';
import {
  bindingToCreate,
  reconcileBinding,
  reconcileRole,
  roleToCreate,
} from '../../resources/rbac/reconcile.js';
import { splitApiVersion } from '../../resources/validation/schema-types.js';
import type { Factory } from '../../runtime/factory.js';
import { dryRunStrategy } from '../../runtime/mutation-flags.js';
import type { PrintFlagValues } from '../../runtime/template-output.js';
import { RbacClient, hasReason, isNotFound } from './reconcile-client.js';
import { ReconcilePrinter } from './reconcile-printer.js';

export interface ReconcileFlags extends FilenameOptions, PrintFlagValues {
  dryRun?: string | boolean;
  removeExtraPermissions?: boolean;
  removeExtraSubjects?: boolean;
}

interface Settings {
  confirm: boolean;
  removeExtraPermissions: boolean;
  removeExtraSubjects: boolean;
}

/** getClientSideDryRun: client or none; the server strategy is refused. */
function clientDryRun(factory: Factory, value: ReconcileFlags['dryRun']): boolean {
  let strategy;
  try {
    strategy = dryRunStrategy(value, (text) => factory.streams.err.write(text));
  } catch (error) {
    throw new PlainError(
      `error accessing --dry-run flag for command reconcile: ${(error as Error).message}`,
    );
  }
  if (strategy === 'server')
    throw new PlainError('--dry-run=server for command reconcile is not supported yet');
  return strategy === 'client';
}

/** An object kubectl's decoder refused: its builder reports these after every other error. */
class DecodeError extends PlainError {}

function decodeError(manifest: ManifestObject, message: string): DecodeError {
  return new DecodeError(`unable to decode "${manifest.source.file}": ${message}`);
}

/**
 * The builder's aggregate (ContinueOnError): the errors met visiting objects in order, then the
 * decoding errors, which the file visitors gather into one error of their own (`[a, b]`).
 */
function reconcileErrors(errors: readonly Error[]): Error | undefined {
  const visiting = errors.filter((e) => !(e instanceof DecodeError));
  const decoding = errors.filter((e) => e instanceof DecodeError);
  if (visiting.length === 0 && decoding.length > 1) return new MultipleErrors(decoding);
  const all = [...visiting];
  // an aggregate's text names each distinct message once
  const messages = [...new Set(decoding.map((e) => e.message))];
  if (messages.length === 1) all.push(new PlainError(messages[0] ?? ''));
  if (messages.length > 1) all.push(new PlainError(`[${messages.join(', ')}]`));
  if (all.length <= 1) return all[0];
  return new MultipleErrors(all);
}

/**
 * What kubectl's typed decoder makes of a manifest object: the RBAC object, undefined for a
 * kind reconcile skips, or an error it throws (a kind outside kubectl's scheme, a value of the
 * wrong type) or returns (an older rbac version: refused only after the namespace check).
 */
function typedObject(manifest: ManifestObject): RbacObject | PlainError | undefined {
  const object = manifest.object;
  const kind = String(object['kind'] ?? '');
  const apiVersion = String(object['apiVersion'] ?? '');
  // the decoder reads the type first, and quotes the document (as sorted JSON) when it cannot
  if (kind === '') throw decodeError(manifest, `Object 'Kind' is missing in '${toGoJson(object)}'`);
  if (apiVersion === '')
    throw decodeError(manifest, `Object 'apiVersion' is missing in '${toGoJson(object)}'`);
  const { group, version } = splitApiVersion(apiVersion);
  const rbacVersions = ['v1', 'v1beta1', 'v1alpha1'];
  const known =
    group === RBAC_GROUP
      ? RBAC_KINDS.has(kind) && rbacVersions.includes(version)
      : inKubectlScheme(group);
  if (!known)
    throw decodeError(
      manifest,
      `no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/runtime/scheme.go:110"`,
    );
  if (group !== RBAC_GROUP) return undefined;
  let typed: RbacObject;
  try {
    typed = decodeRbac(object);
  } catch (error) {
    if (error instanceof GoTypeError) throw decodeError(manifest, error.message);
    throw error;
  }
  if (version !== 'v1')
    return new PlainError(
      `only rbac.authorization.k8s.io/v1 is supported: not *${version}.${kind}`,
    );
  return typed;
}

/** Runs `auth reconcile`. */
export async function runReconcile(
  factory: Factory,
  args: string[],
  flags: ReconcileFlags,
): Promise<void> {
  if (!hasFilenames(flags)) throw new PlainError('must specify one of -f and -k');
  if (args.length > 0) throw new PlainError('no arguments are allowed');
  const settings: Settings = {
    confirm: !clientDryRun(factory, flags.dryRun),
    removeExtraPermissions: flags.removeExtraPermissions === true,
    removeExtraSubjects: flags.removeExtraSubjects === true,
  };
  const manifests = await new ResourceBuilder(factory).filenameParam(flags).readManifests();
  const printer = new ReconcilePrinter(factory.streams, flags, !settings.confirm, settings);
  const { namespace, explicit } = await factory.namespace();
  const rbac = new RbacClient(await factory.client());
  const errors: Error[] = [];
  for (const manifest of manifests) {
    try {
      const typed = typedObject(manifest);
      // Local(): no REST mapping, so only an object that names a namespace is checked
      const own = metadataOf(manifest.object)['namespace'];
      if (explicit && typeof own === 'string' && own !== '' && own !== namespace)
        throw namespaceMismatch(own, namespace);
      if (typed === undefined) continue;
      if (typed instanceof PlainError) throw typed;
      if (isRoleObject(typed)) {
        printer.roleResult(await runRole(rbac, typed, settings));
      } else {
        printer.bindingResult(await runBinding(rbac, typed, settings));
      }
    } catch (error) {
      errors.push(error as Error);
    }
  }
  const failure = reconcileErrors(errors);
  if (failure) throw failure;
}

/** ReconcileRoleOptions.run: computes, then writes unless dry run or protected. */
async function runRole(
  rbac: RbacClient,
  expected: RoleObject,
  settings: Settings,
  attempts = 0,
): Promise<RoleResult> {
  // keeps a role that appears and disappears meanwhile from looping forever
  if (attempts > 2) throw new PlainError('exceeded maximum attempts');
  const name = metaString(expected.metadata, 'name');
  const live = await rbac.get<RoleObject>(
    expected.kind,
    metaString(expected.metadata, 'namespace'),
    name,
  );
  const result = live
    ? reconcileRole(live, expected, settings.removeExtraPermissions)
    : roleToCreate(expected);
  if (result.protected || !settings.confirm) return result;
  try {
    if (result.operation === 'create') result.role = await rbac.create(result.role);
    if (result.operation === 'update') result.role = await rbac.update(result.role);
  } catch (error) {
    const retry =
      (result.operation === 'create' && hasReason(error, 'AlreadyExists')) ||
      (result.operation === 'update' && isNotFound(error));
    if (retry) return runRole(rbac, expected, settings, attempts + 1);
    throw error;
  }
  return result;
}

/** ReconcileRoleBindingOptions.run: a changed roleRef deletes the live binding first. */
async function runBinding(
  rbac: RbacClient,
  expected: BindingObject,
  settings: Settings,
  attempts = 0,
): Promise<BindingResult> {
  if (attempts > 3) throw new PlainError('exceeded maximum attempts');
  const live = await rbac.get<BindingObject>(
    expected.kind,
    metaString(expected.metadata, 'namespace'),
    metaString(expected.metadata, 'name'),
  );
  const result = live
    ? reconcileBinding(live, expected, settings.removeExtraSubjects)
    : bindingToCreate(expected);
  if (result.protected || !settings.confirm) return result;
  const again = (): Promise<BindingResult> => runBinding(rbac, expected, settings, attempts + 1);
  if (result.operation === 'recreate' && live) {
    try {
      await rbac.delete(live);
    } catch (error) {
      // a conflict on the uid precondition: another binding took its place, start over
      if (hasReason(error, 'Conflict')) return again();
      if (!isNotFound(error)) throw error;
    }
  }
  try {
    if (result.operation === 'create' || result.operation === 'recreate')
      result.binding = await rbac.create(result.binding);
    if (result.operation === 'update') result.binding = await rbac.update(result.binding);
  } catch (error) {
    const creating = result.operation === 'create' || result.operation === 'recreate';
    if (creating && hasReason(error, 'AlreadyExists')) return again();
    if (result.operation === 'update' && isNotFound(error)) return again();
    throw error;
  }
  return result;
}
