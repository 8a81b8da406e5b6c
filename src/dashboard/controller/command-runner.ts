/** The `:` commands: types (through the REST mapper), namespaces, contexts, help, quit. */
import { ApiStatusError } from '../../errors/errors.js';
import { objectPath, PODS_REF } from '../../resources/resource-ref.js';
import type { ResourceArgs } from '../model/commands.js';
import { parseCommand } from '../model/commands.js';
import { rememberNamespace } from '../model/favourites.js';
import type { DashController } from './dash-controller.js';
import { errorText } from './error-text.js';
import { ForwardsViewModel } from './forwards-view-model.js';
import { TableViewModel } from './table-view-model.js';
import { PickViewModel } from './text-view-models.js';
import { XRAY_ROOTS } from '../model/xray/xray-tree.js';
import type { XrayRoot } from '../model/xray/xray-tree.js';
import { XRAY_REFS } from '../model/xray/xray-refs.js';
import { XrayViewModel } from './xray-view-model.js';

const NAMESPACES = { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace' };

/** Runs a `:` command; a promise while it looks something up (keys typed meanwhile wait). */
export function runCommand(app: DashController, text: string): void | Promise<void> {
  const command = parseCommand(text);
  switch (command.kind) {
    case 'empty':
      return;
    case 'quit':
      return app.host.exit();
    case 'help':
      app.helpOffset = 0;
      app.mode = 'help';
      return;
    case 'namespaces':
      app.push(
        new TableViewModel({
          scope: { ref: { ...NAMESPACES, namespaced: false }, namespace: '' },
          picksNamespace: true,
          title: 'namespaces (enter: use)',
        }),
      );
      return;
    case 'namespace':
      return switchNamespace(app, command.name);
    case 'contexts':
      app.push(
        new PickViewModel(
          'contexts (enter: switch)',
          app.session.contexts,
          app.session.contextName,
          (name) => void changeContext(app, name),
        ),
      );
      return;
    case 'context':
      return changeContext(app, command.name);
    case 'portForwards':
      app.push(new ForwardsViewModel(app.session.forwards));
      return;
    case 'resource':
      return openType(app, command.type, command.scope);
    case 'xray':
      return openXray(app, command.type, command.namespace);
  }
}

/** The types xray draws, as the error lists them. */
const XRAY_TYPES = Object.keys(XRAY_ROOTS).join(', ');

/** `:xray TYPE [NAMESPACE]`: the type read as kubectl reads it; only the types xray draws. */
async function openXray(app: DashController, type: string, namespace?: string): Promise<void> {
  if (type === '') return app.say(`xray: which type? (${XRAY_TYPES})`, true);
  let mapping;
  try {
    mapping = await app.session.mapper.mappingFor(type);
  } catch (error) {
    return app.say(errorText(error), true);
  }
  const known = XRAY_REFS[mapping.resource];
  if (!(mapping.resource in XRAY_ROOTS) || known?.group !== mapping.group)
    return app.say(`xray: ${mapping.resource} cannot be shown as a tree (${XRAY_TYPES})`, true);
  if (namespace !== undefined && namespace !== '' && !(await namespaceExists(app, namespace)))
    return app.say(`namespace "${namespace}" not found`, true);
  app.push(new XrayViewModel(mapping.resource as XrayRoot, namespace ?? app.namespace));
}

/** `:ns NAME`: only a namespace that exists (a typo is neither used nor kept as a favourite). */
async function switchNamespace(app: DashController, namespace: string): Promise<void> {
  if (namespace !== '' && !(await namespaceExists(app, namespace)))
    return app.say(`namespace "${namespace}" not found`, true);
  app.useNamespace(
    namespace,
    false,
    () => new TableViewModel({ scope: { ref: PODS_REF, namespace } }),
  );
}

/** Whether the namespace exists; true when the server will not say (no permission to get it). */
async function namespaceExists(app: DashController, namespace: string): Promise<boolean> {
  try {
    await app.session.client.json({
      path: objectPath({ ...NAMESPACES, namespaced: false }, namespace),
    });
    return true;
  } catch (error) {
    return !(error instanceof ApiStatusError && error.isNotFound);
  }
}

/** `:TYPE [ns] [labels] [/filter] [@ctx]`: the type as kubectl's REST mapper reads the name. */
async function openType(app: DashController, type: string, args: ResourceArgs): Promise<void> {
  if (args.context !== undefined && args.context !== app.session.contextName) {
    await changeContext(app, args.context);
    if (app.session.contextName !== args.context) return;
  }
  let mapping;
  try {
    mapping = await app.session.mapper.mappingFor(type);
  } catch (error) {
    return app.say(errorText(error), true);
  }
  if (mapping.resource === 'namespaces' && args.namespace === undefined && !args.labelSelector)
    return runCommand(app, 'ns');
  if (args.namespace !== undefined && args.namespace !== '') {
    if (!(await namespaceExists(app, args.namespace)))
      return app.say(`namespace "${args.namespace}" not found`, true);
  }
  const namespace = args.namespace ?? app.namespace;
  if (args.namespace !== undefined) app.namespace = namespace;
  app.push(
    new TableViewModel({
      scope: {
        ref: mapping,
        namespace,
        ...(args.labelSelector ? { labelSelector: args.labelSelector } : {}),
      },
      ...(args.filter !== undefined ? { filter: args.filter } : {}),
    }),
  );
  const top = app.top;
  if (top instanceof TableViewModel && top.filterError) app.say(`filter: ${top.filterError}`, true);
}

/** Opens a session on another context and starts over on its pods. */
async function changeContext(app: DashController, name: string): Promise<void> {
  app.say(`switching to context ${name}…`);
  try {
    const next = await app.host.switchContext(name);
    app.session = next;
    app.namespace = next.defaultNamespace;
    app.favourites = rememberNamespace(next.favourites, next.defaultNamespace);
    app.views.reset([
      new TableViewModel({ scope: { ref: PODS_REF, namespace: next.defaultNamespace } }),
    ]);
    app.serverVersion = '';
    app.loadServerVersion();
    app.say(`context ${name}`);
  } catch (error) {
    app.say(`context ${name}: ${errorText(error)}`, true);
  }
}
