/**
 * The actions that change objects: delete (ctrl-d), kill (ctrl-k), scale (s) and restart (r).
 * Each applies to the marked rows (space), or to the selected row when none is marked, through
 * the same resource-level code as `ktl delete`, `ktl scale` and `ktl rollout restart`; one
 * question lists every object first.
 */
import { deleteObject } from '../../resources/actions/delete-object.js';
import {
  mutationPatch,
  RESTARTABLE_KINDS,
  sendMutation,
} from '../../resources/actions/rollout-mutation.js';
import { patchReplicas, replicasOf } from '../../resources/actions/scale-object.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { ResourceRef } from '../../resources/resource-ref.js';
import { objectPath } from '../../resources/resource-ref.js';
import type { DashRow } from '../model/table-model.js';
import type { DashController } from './dash-controller.js';
import { errorText } from './error-text.js';
import type { TableViewModel } from './table-view-model.js';

/** Which object an action is about. */
export interface Target {
  ref: ResourceRef;
  name: string;
  namespace: string | undefined;
}

/** The types `s` (scale) applies to: they have a scale subresource. */
const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']);

/** At most this many names are listed in a question (the bottom line has one line). */
const LISTED = 5;

export function targetsOf(view: TableViewModel, rows: readonly DashRow[]): Target[] {
  const { ref } = view.scope;
  return rows.map((row) => ({
    ref,
    name: row.name,
    namespace: ref.namespaced ? row.namespace : undefined,
  }));
}

/** `kind/name` as kubectl prints it in messages. */
function label(target: Target): string {
  return `${target.ref.kind.toLowerCase()}/${target.name}`;
}

/**
 * What the action applies to, as questions and messages say it: `pod/web-1`, or
 * `3 pods (a, b, c)`; across namespaces each name carries its own.
 */
export function subject(targets: readonly Target[]): string {
  const [first] = targets;
  if (!first) return '';
  if (targets.length === 1) return label(first);
  const across = new Set(targets.map((t) => t.namespace ?? '')).size > 1;
  const names = targets.map((t) => (across && t.namespace ? `${t.namespace}/${t.name}` : t.name));
  const listed = names.slice(0, LISTED).join(', ') + (names.length > LISTED ? ', …' : '');
  return `${targets.length} ${first.ref.resource} (${listed})`;
}

/** ` in namespace demo` when every target is in that one namespace (kubectl's delete says so). */
function where(targets: readonly Target[]): string {
  const namespaces = new Set(targets.map((t) => t.namespace ?? ''));
  const [only = ''] = namespaces;
  return namespaces.size === 1 && only !== '' ? ` in namespace ${only}` : '';
}

/**
 * Runs `action` on every target at once and says how it went: the done text, or how many
 * failed and the first failure. The marks are cleared once it has run (k9s does too).
 */
export async function applyToAll(
  app: DashController,
  view: TableViewModel,
  targets: readonly Target[],
  action: (target: Target) => Promise<unknown>,
  done: string,
): Promise<void> {
  const results = await Promise.allSettled(targets.map(action));
  view.clearMarks();
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  if (failures.length === 0) return app.say(done);
  const prefix = targets.length > 1 ? `${failures.length} of ${targets.length} failed: ` : '';
  app.say(`${prefix}${errorText(failures[0])}`, true);
}

/** The bulk actions, bound to a controller. */
export function bulkActions(app: DashController) {
  const client = () => app.session.client;
  const fetch = (target: Target): Promise<KubeObject> =>
    client().json<KubeObject>({ path: objectPath(target.ref, target.name, target.namespace) });

  const applyAll = (
    view: TableViewModel,
    targets: readonly Target[],
    action: (target: Target) => Promise<unknown>,
    done: string,
  ): Promise<void> => applyToAll(app, view, targets, action, done);

  /** Asks y/N about the targets, then runs the action on them. */
  const confirm = (
    view: TableViewModel,
    targets: readonly Target[],
    question: string,
    action: (target: Target) => Promise<unknown>,
    done: string,
  ): void => {
    const verb = question.split(' ')[0] ?? '';
    app.ask({
      text: `${question}? [y/N]`,
      answer: '',
      numeric: false,
      onAnswer: (answer) => {
        if (answer.toLowerCase() !== 'y') return app.say(`${verb.toLowerCase()} cancelled`);
        return applyAll(view, targets, action, done);
      },
    });
  };

  return {
    remove(view: TableViewModel, rows: readonly DashRow[]): void {
      const targets = targetsOf(view, rows);
      const remove = ({ ref, name, namespace }: Target) =>
        deleteObject(client(), ref, name, namespace);
      const question = `Delete ${subject(targets)}${where(targets)}`;
      confirm(view, targets, question, remove, `${subject(targets)} deleted`);
    },
    /** ctrl-k: delete at once, no question (k9s's kill; a pod goes without a grace period). */
    kill(view: TableViewModel, rows: readonly DashRow[]): Promise<void> {
      const targets = targetsOf(view, rows);
      const kill = ({ ref, name, namespace }: Target) => {
        const pod = ref.group === '' && ref.resource === 'pods';
        const request = { cascade: 'background' as const, gracePeriod: pod ? 0 : -1 };
        return deleteObject(client(), ref, name, namespace, request);
      };
      return applyAll(view, targets, kill, `${subject(targets)} killed`);
    },
    async scale(view: TableViewModel, rows: readonly DashRow[]): Promise<void> {
      const targets = targetsOf(view, rows);
      const [first] = targets;
      if (!first) return;
      if (!SCALABLE.has(first.ref.resource))
        return app.say(`scale: ${first.ref.resource} cannot be scaled`, true);
      // The current replicas of the one object, as k9s offers them; for many, no default.
      const current = targets.length === 1 ? String(replicasOf(await fetch(first))) : '';
      app.ask({
        text: `Scale ${subject(targets)} to replicas:`,
        answer: current,
        numeric: true,
        onAnswer: (answer) => {
          const replicas = Number(answer);
          if (answer === '' || !Number.isInteger(replicas) || replicas < 0)
            return app.say('scale cancelled');
          const scale = ({ ref, name, namespace }: Target) =>
            patchReplicas(client(), ref, name, namespace, replicas);
          return applyAll(view, targets, scale, `${subject(targets)} scaled to ${replicas}`);
        },
      });
    },
    restart(view: TableViewModel, rows: readonly DashRow[]): void {
      const targets = targetsOf(view, rows);
      const [first] = targets;
      if (!first) return;
      if (first.ref.group !== 'apps' || !RESTARTABLE_KINDS.includes(first.ref.kind))
        return app.say(`restart: ${first.ref.resource} cannot be restarted`, true);
      const restart = async (target: Target) =>
        sendMutation(client(), target, mutationPatch('restart', target.ref, await fetch(target)));
      const question = `Restart ${subject(targets)}`;
      confirm(view, targets, question, restart, `${subject(targets)} restarted`);
    },
  };
}
