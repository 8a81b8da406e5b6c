/** `ktl set subject`: kubectl's set_subject.go. */
import { PlainError } from '../../errors/errors.js';
import { allWithSelector } from '../../resources/builder/index.js';
import type { Factory } from '../../runtime/factory.js';
import { checkResultOutput } from '../../runtime/result-printer.js';
import type { SetFlags } from './set-run.js';
import { localDryRunError, patchEach, setDryRun, setTargets } from './set-run.js';

/** The flags of `set subject`. */
export interface SubjectFlags extends SetFlags {
  user?: string[];
  group?: string[];
  serviceaccount?: string[];
}

interface Subject {
  kind: string;
  apiGroup?: string;
  name: string;
  namespace?: string;
}

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** sets.NewString(...).List(): unique, sorted as Go sorts strings. */
function sortedUnique(values: readonly string[] = []): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function validate(flags: SubjectFlags, dryRun: string): void {
  if (flags.all && flags.selector) throw allWithSelector();
  if (flags.local && dryRun === 'server') throw localDryRunError();
  if (!flags.user?.length && !flags.group?.length && !flags.serviceaccount?.length)
    throw new PlainError('you must specify at least one value of user, group or serviceaccount');
  for (const sa of flags.serviceaccount ?? []) {
    const tokens = sa.split(':');
    if (tokens.length !== 2 || tokens[1] === '')
      throw new PlainError('serviceaccount must be <namespace>:<name>');
  }
}

/** The subjects to add: users, then groups, then service accounts, each sorted and unique. */
function wantedSubjects(flags: SubjectFlags, namespace: string): Subject[] {
  return [
    ...sortedUnique(flags.user).map((name) => ({ kind: 'User', apiGroup: RBAC_GROUP, name })),
    ...sortedUnique(flags.group).map((name) => ({ kind: 'Group', apiGroup: RBAC_GROUP, name })),
    ...sortedUnique(flags.serviceaccount).map((sa) => {
      const [ns = '', name = ''] = sa.split(':');
      return { kind: 'ServiceAccount', name, namespace: ns || namespace };
    }),
  ];
}

/** Go's struct equality of two rbacv1.Subject values (absent strings are empty). */
function sameSubject(a: Subject, b: Subject): boolean {
  return (
    a.kind === b.kind &&
    (a.apiGroup ?? '') === (b.apiGroup ?? '') &&
    a.name === b.name &&
    (a.namespace ?? '') === (b.namespace ?? '')
  );
}

/** Runs `set subject` over the arguments. */
export async function runSetSubject(factory: Factory, args: string[], flags: SubjectFlags) {
  checkResultOutput(flags);
  const dryRun = setDryRun(factory, flags);
  const infos = await setTargets(factory, args, flags);
  validate(flags, dryRun);
  const wanted = wantedSubjects(flags, (await factory.namespace()).namespace);
  await patchEach(factory, infos, flags, dryRun, {
    verb: 'subjects updated',
    failure: 'failed to patch subjects to rolebinding',
    mutate: (object, info) => {
      const isBinding =
        info.mapping.group === RBAC_GROUP &&
        (info.mapping.kind === 'RoleBinding' || info.mapping.kind === 'ClusterRoleBinding');
      if (!isBinding)
        throw new Error('setting subjects is only supported for RoleBinding/ClusterRoleBinding');
      const subjects = [...((object['subjects'] ?? []) as Subject[])];
      let changed = false;
      for (const subject of wanted) {
        if (subjects.some((existing) => sameSubject(existing, subject))) continue;
        subjects.push(subject);
        changed = true;
      }
      if (!changed) return false;
      object['subjects'] = subjects;
      return true;
    },
  });
}
