import { Command } from 'commander';
import { pluginWords, scanPluginFiles } from '../../config/plugin-path.js';
import {
  GLOBAL_OPTIONS_TIP,
  listPadding,
  renderCommandList,
  visibleSubcommands,
} from './render-help.js';

/** kubectl's groups of top-level commands, in its order (ktl's commands only). */
export const ROOT_COMMAND_GROUPS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Basic Commands (Beginner):', ['create', 'expose', 'run', 'set']],
  ['Basic Commands (Intermediate):', ['explain', 'get', 'edit', 'delete']],
  ['Deploy Commands:', ['rollout', 'scale', 'autoscale']],
  [
    'Cluster Management Commands:',
    ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint'],
  ],
  [
    'Troubleshooting and Debugging Commands:',
    [
      'describe',
      'logs',
      'attach',
      'exec',
      'port-forward',
      'proxy',
      'cp',
      'auth',
      'debug',
      'events',
      'dash',
    ],
  ],
  ['Advanced Commands:', ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize']],
  ['Settings Commands:', ['label', 'annotate', 'completion']],
];

const OTHER_COMMANDS = 'Other Commands:';
const PLUGINS_GROUP = 'Subcommands provided by plugins:';

/** Commands kubectl does not have, marked as ktl's in the root list. */
const KTL_ONLY = new Set(['dash']);

/** The root's commands by kubectl's groups; anything not in a group is under "Other Commands". */
export function groupRootCommands(root: Command): Array<[string, Command[]]> {
  const commands = visibleSubcommands(root);
  const grouped = new Set<string>();
  const groups: Array<[string, Command[]]> = [];
  for (const [title, names] of ROOT_COMMAND_GROUPS) {
    const members = names
      .map((name) => commands.find((c) => c.name() === name))
      .filter((c): c is Command => c !== undefined);
    for (const member of members) grouped.add(member.name());
    if (members.length > 0) groups.push([title, members]);
  }
  const others = commands
    .filter((c) => !grouped.has(c.name()))
    .sort((a, b) => (a.name() < b.name() ? -1 : 1));
  if (others.length > 0) groups.push([OTHER_COMMANDS, others]);
  return groups;
}

function markKtlOnly(list: string, commands: readonly Command[]): string {
  const lines = list.split('\n');
  return lines
    .map((line, i) => (KTL_ONLY.has(commands[i]?.name() ?? '') ? `${line} (ktl only)` : line))
    .join('\n');
}

/** The plugins on PATH as the commands kubectl's help lists (built-ins' names left out). */
function pluginCommands(root: Command, env: NodeJS.ProcessEnv): Command[] {
  const builtins = new Set(root.commands.map((c) => c.name()));
  const names = new Set(
    scanPluginFiles(env)
      .files.map((file) => pluginWords(file)[0] ?? '')
      .filter((name) => name !== '' && !builtins.has(name)),
  );
  return [...names]
    .sort()
    .map((name) =>
      new Command(name).description(`The command ${name} is a plugin installed by the user`),
    );
}

/**
 * `ktl --help`: the description, the grouped command list (with kubectl's group of the plugins
 * on PATH before the other commands), usage and the closing tips.
 */
export function renderRootHelp(root: Command, env: NodeJS.ProcessEnv = process.env): string {
  const groups = groupRootCommands(root);
  const plugins = pluginCommands(root, env);
  if (plugins.length > 0) {
    const others = groups.findIndex(([title]) => title === OTHER_COMMANDS);
    const group: [string, Command[]] = [PLUGINS_GROUP, plugins];
    if (others < 0) groups.push(group);
    else groups.splice(others, 0, group);
  }
  const padding = listPadding([...visibleSubcommands(root), ...plugins]);
  const lists = groups.map(
    ([title, members]) => `${title}\n${markKtlOnly(renderCommandList(members, padding), members)}`,
  );
  return (
    `${root.description().trim()}\n\n${lists.join('\n\n')}\n\n` +
    `Usage:\n  ${root.name()} [flags] [options]\n\n` +
    `Use "${root.name()} <command> --help" for more information about a given command.\n` +
    GLOBAL_OPTIONS_TIP
  );
}
