/**
 * What the keys of an xray tree do to the selected node: enter goes to the object in a table of
 * its type (a container: its logs), d/y describe it or show its YAML, l shows logs.
 */
import type { ResourceRef } from '../../resources/resource-ref.js';
import { XRAY_REFS } from '../model/xray/xray-refs.js';
import type { XrayNode } from '../model/xray/xray-tree.js';
import type { DashController } from './dash-controller.js';
import type { Target } from './row-actions.js';
import { rowActions } from './row-actions.js';
import { TableViewModel } from './table-view-model.js';
import { LogViewModel } from './text-view-models.js';
import type { XrayViewModel } from './xray-view-model.js';

const NAMESPACES: ResourceRef = {
  group: '',
  version: 'v1',
  resource: 'namespaces',
  kind: 'Namespace',
  namespaced: false,
};

/** The object a node stands for (a container: its pod). */
function targetOf(node: XrayNode): Target | undefined {
  if (node.resource === 'namespaces')
    return { ref: NAMESPACES, name: node.name, namespace: undefined };
  if (node.resource === 'containers')
    return node.pod
      ? { ref: XRAY_REFS['pods'] as ResourceRef, name: node.pod, namespace: node.namespace }
      : undefined;
  const ref = XRAY_REFS[node.resource];
  return ref ? { ref, name: node.name, namespace: node.namespace } : undefined;
}

/** The xray actions, bound to a controller. */
export function xrayActions(app: DashController) {
  const rows = rowActions(app);
  const selected = (): { view: XrayViewModel; node: XrayNode } | undefined => {
    const view = app.top;
    const node = view.kind === 'xray' ? view.selectedNode() : undefined;
    return view.kind === 'xray' && node ? { view, node } : undefined;
  };

  const logs = (node: XrayNode): void => {
    if (node.resource === 'containers' && node.pod) {
      const pods = [{ namespace: node.namespace, pod: node.pod, containers: [node.name] }];
      app.push(new LogViewModel(`pod/${node.pod} (${node.name})`, pods));
      return;
    }
    if (node.resource !== 'pods')
      return app.say(
        `logs: select a pod or a container (this is a ${node.resource.replace(/s$/, '')})`,
        true,
      );
    const containers = node.children.filter((c) => c.resource === 'containers').map((c) => c.name);
    if (containers.length === 0) return app.say(`pod ${node.name} has no containers`, true);
    app.push(
      new LogViewModel(`pod/${node.name}`, [
        { namespace: node.namespace, pod: node.name, containers },
      ]),
    );
  };

  return {
    enter(): void {
      const found = selected();
      if (!found) return;
      const { node } = found;
      if (node.resource === 'containers') return logs(node);
      const ref = XRAY_REFS[node.resource];
      if (!ref) return;
      const table = new TableViewModel({
        scope: { ref, namespace: node.namespace },
        pinnedNamespace: true,
      });
      table.selectName = node.name;
      app.push(table);
    },
    toggle(): void {
      selected()?.view.toggle();
    },
    toggleAll(): void {
      const view = app.top;
      if (view.kind === 'xray') view.toggleAll();
    },
    describe(): void {
      const found = selected();
      const target = found && targetOf(found.node);
      if (target) rows.describeTarget(target);
    },
    yaml(): void {
      const found = selected();
      const target = found && targetOf(found.node);
      if (target) rows.yamlTarget(target);
    },
    logs(): void {
      const found = selected();
      if (found) logs(found.node);
    },
  };
}
