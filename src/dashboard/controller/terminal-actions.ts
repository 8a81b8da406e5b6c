/**
 * The keys that hand the terminal over: a shell in a container (`s`), attach (`a`), and edit
 * (`e`). Each runs ktl's own verb as a child on the terminal (k9s runs kubectl the same way),
 * and the dashboard comes back where it was when it ends.
 */
import { objectPath } from '../../resources/resource-ref.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { DashRow } from '../model/table-model.js';
import { connectionArgs, runOnTerminal } from '../terminal/ktl-child.js';
import type { DashController } from './dash-controller.js';
import type { TableViewModel } from './table-view-model.js';
import { PickViewModel } from './text-view-models.js';

/** k9s's shell: bash where the image has it, else sh. */
const SHELL = 'command -v bash >/dev/null 2>&1 && exec bash || exec sh';

interface PodSpec {
  spec?: { containers?: Array<{ name: string }> };
}

/** `type.group/name` as ktl's verbs take it. */
function typedName(view: TableViewModel, row: DashRow): string {
  const { resource, group } = view.scope.ref;
  return `${group ? `${resource}.${group}` : resource}/${row.name}`;
}

/** The terminal actions, bound to a controller. */
export function terminalActions(app: DashController) {
  const flags = (): string[] => connectionArgs(app.session.factory.flags);
  const namespaceArgs = (view: TableViewModel, row: DashRow): string[] =>
    view.scope.ref.namespaced ? ['-n', row.namespace] : [];

  /** Runs `ktl ARGS` on the terminal and reports how it ended. */
  const onTerminal = async (args: string[], what: string): Promise<void> => {
    let code = 0;
    await app.host.handOver(async () => {
      code = await runOnTerminal(args);
    });
    if (code === 0) app.say(`${what}: done`);
    else app.say(`${what}: ktl ${args[0] ?? ''} exited with ${code}`, true);
  };

  /** Runs `action` on the pod's one container, or on the container picked from a list. */
  const withContainer = async (
    view: TableViewModel,
    row: DashRow,
    verb: string,
    action: (container: string) => Promise<void>,
  ): Promise<void> => {
    const pod = await app.session.client.json<KubeObject & PodSpec>({
      path: objectPath(view.scope.ref, row.name, row.namespace),
    });
    const containers = (pod.spec?.containers ?? []).map((c) => c.name);
    const [first] = containers;
    if (first === undefined) return app.say(`pod ${row.name} has no containers`, true);
    if (containers.length === 1) return action(first);
    app.push(
      new PickViewModel(`containers of pod/${row.name} (enter: ${verb})`, containers, '', (c) => {
        app.pop();
        void action(c);
      }),
    );
  };

  return {
    shell(view: TableViewModel, row: DashRow): Promise<void> {
      return withContainer(view, row, 'shell', (container) =>
        onTerminal(
          [
            'exec',
            '-it',
            row.name,
            '-c',
            container,
            ...namespaceArgs(view, row),
            ...flags(),
            '--',
            'sh',
            '-c',
            SHELL,
          ],
          `shell ${row.name}/${container}`,
        ),
      );
    },
    attach(view: TableViewModel, row: DashRow): Promise<void> {
      return withContainer(view, row, 'attach', (container) =>
        onTerminal(
          ['attach', '-it', row.name, '-c', container, ...namespaceArgs(view, row), ...flags()],
          `attach ${row.name}/${container}`,
        ),
      );
    },
    edit(view: TableViewModel, row: DashRow): Promise<void> {
      const name = typedName(view, row);
      return onTerminal(['edit', name, ...namespaceArgs(view, row), ...flags()], `edit ${name}`);
    },
  };
}
