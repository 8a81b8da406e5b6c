/**
 * Every key of the dashboard, in one table: the controller looks keys up here to decide what
 * they do, and the help screen (`?`) is drawn from the same rows, so the two cannot disagree.
 */
import type { KeyPress } from './keys.js';
import { keySpec } from './keys.js';

/** Where a binding applies: a view kind, a mode, or everywhere. */
export type KeyScope =
  | 'always'
  | 'global'
  | 'move'
  | 'table'
  | 'pods'
  | 'text'
  | 'logs'
  | 'pick'
  | 'forwards'
  | 'xray'
  | 'prompt'
  | 'dialog'
  | 'question'
  | 'help';

/** What a key does; the controller has one handler per command. */
export type KeyCommand =
  | 'app.quit'
  | 'app.help'
  | 'app.command'
  | 'app.filter'
  | 'view.back'
  | 'view.last'
  | 'view.historyBack'
  | 'view.historyForward'
  | 'row.kill'
  | 'row.owner'
  | 'yaml.managedFields'
  | 'text.nextMatch'
  | 'text.previousMatch'
  | 'text.left'
  | 'text.right'
  | 'ns.all'
  | 'ns.favourite'
  | 'move.up'
  | 'move.down'
  | 'move.pageUp'
  | 'move.pageDown'
  | 'move.top'
  | 'move.bottom'
  | 'row.enter'
  | 'row.describe'
  | 'row.yaml'
  | 'row.logs'
  | 'row.delete'
  | 'row.scale'
  | 'row.restart'
  | 'row.edit'
  | 'pod.shell'
  | 'pod.attach'
  | 'sort.name'
  | 'sort.age'
  | 'sort.status'
  | 'sort.previous'
  | 'sort.next'
  | 'table.wide'
  | 'logs.follow'
  | 'logs.container'
  | 'logs.allContainers'
  | 'logs.previous'
  | 'logs.timestamps'
  | 'logs.wrap'
  | 'logs.window'
  | 'logs.save'
  | 'pod.previousLogs'
  | 'pick.choose'
  | 'row.portForward'
  | 'row.mark'
  | 'row.markRange'
  | 'row.clearMarks'
  | 'forward.stop'
  | 'row.label'
  | 'row.annotate'
  | 'xray.goTo'
  | 'xray.collapse'
  | 'xray.collapseAll'
  | 'xray.describeNode'
  | 'xray.nodeYaml'
  | 'xray.nodeLogs'
  | 'dialog.submit'
  | 'dialog.cancel'
  | 'dialog.next'
  | 'dialog.previous'
  | 'dialog.backspace'
  | 'dialog.clear'
  | 'prompt.cancel'
  | 'prompt.submit'
  | 'prompt.complete'
  | 'prompt.clear'
  | 'prompt.deleteWord'
  | 'prompt.backspace'
  | 'answer.cancel'
  | 'answer.submit'
  | 'help.close'
  | 'help.down'
  | 'help.up';

/** One row of the keymap. */
export interface KeyBinding {
  scope: KeyScope;
  /** The keys, as keySpec names them (`j`, `down`, `ctrl-d`, `enter`, `esc`, `space`). */
  keys: string[];
  command: KeyCommand;
  /** The help screen's description. */
  help: string;
  /** Changes the cluster: refused in read-only mode. */
  mutating?: boolean;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The keymap. Within a scope a key has one binding; scopes are tried as the controller lists them. */
export const KEY_BINDINGS: readonly KeyBinding[] = [
  { scope: 'always', keys: ['ctrl-c'], command: 'app.quit', help: 'quit' },
  { scope: 'global', keys: ['q'], command: 'app.quit', help: 'quit' },
  { scope: 'global', keys: ['?'], command: 'app.help', help: 'this help' },
  {
    scope: 'global',
    keys: [':'],
    command: 'app.command',
    help: 'command: :pods :deploy :<crd> [ns|all]  :ns [name]  :ctx [name]  :q',
  },
  {
    scope: 'global',
    keys: ['/'],
    command: 'app.filter',
    help: 'filter: text or regex, !inverse, -l label selector; in text: search',
  },
  { scope: 'global', keys: ['esc'], command: 'view.back', help: 'clear filter / back' },
  { scope: 'global', keys: ['-'], command: 'view.last', help: 'the last view (again: back)' },
  { scope: 'global', keys: ['['], command: 'view.historyBack', help: 'history: back' },
  { scope: 'global', keys: [']'], command: 'view.historyForward', help: 'history: forward' },
  { scope: 'global', keys: ['0'], command: 'ns.all', help: 'all namespaces' },
  { scope: 'global', keys: DIGITS, command: 'ns.favourite', help: 'favourite namespace' },
  { scope: 'move', keys: ['down', 'j'], command: 'move.down', help: 'down' },
  { scope: 'move', keys: ['up', 'k'], command: 'move.up', help: 'up' },
  { scope: 'move', keys: ['pgdn', 'ctrl-f', 'space'], command: 'move.pageDown', help: 'page down' },
  { scope: 'move', keys: ['pgup', 'ctrl-b'], command: 'move.pageUp', help: 'page up' },
  { scope: 'move', keys: ['home', 'g'], command: 'move.top', help: 'top' },
  { scope: 'move', keys: ['end', 'G'], command: 'move.bottom', help: 'bottom' },
  {
    scope: 'table',
    keys: ['enter'],
    command: 'row.enter',
    help: 'drill down (workload/service/node → pods, namespace → use)',
  },
  {
    scope: 'table',
    keys: ['space'],
    command: 'row.mark',
    help: 'mark / unmark the row (delete, kill, scale, restart, label, annotate act on the marked rows)',
  },
  { scope: 'table', keys: ['ctrl-space'], command: 'row.markRange', help: 'mark a range' },
  { scope: 'table', keys: ['ctrl-\\'], command: 'row.clearMarks', help: 'clear the marks' },
  { scope: 'table', keys: ['d'], command: 'row.describe', help: 'describe' },
  { scope: 'table', keys: ['y'], command: 'row.yaml', help: 'YAML' },
  {
    scope: 'table',
    keys: ['l'],
    command: 'row.logs',
    help: 'logs (a pod; every pod of a workload, Service or Job)',
  },
  { scope: 'table', keys: ['N'], command: 'sort.name', help: 'sort by name (again: reverse)' },
  { scope: 'table', keys: ['A'], command: 'sort.age', help: 'sort by age (again: reverse)' },
  { scope: 'table', keys: ['S'], command: 'sort.status', help: 'sort by status (again: reverse)' },
  { scope: 'table', keys: ['<'], command: 'sort.previous', help: 'sort by the previous column' },
  { scope: 'table', keys: ['>'], command: 'sort.next', help: 'sort by the next column' },
  {
    scope: 'table',
    keys: ['w'],
    command: 'table.wide',
    help: 'wide columns',
  },
  {
    scope: 'table',
    keys: ['ctrl-k'],
    command: 'row.kill',
    help: 'kill: delete, no question',
    mutating: true,
  },
  { scope: 'table', keys: ['J'], command: 'row.owner', help: 'jump to the owner' },
  {
    scope: 'table',
    keys: ['ctrl-d'],
    command: 'row.delete',
    help: 'delete (asks first)',
    mutating: true,
  },
  { scope: 'table', keys: ['s'], command: 'row.scale', help: 'scale', mutating: true },
  { scope: 'table', keys: ['r'], command: 'row.restart', help: 'rollout restart', mutating: true },
  {
    scope: 'table',
    keys: ['e'],
    command: 'row.edit',
    help: 'edit ($KUBE_EDITOR, $EDITOR)',
    mutating: true,
  },
  {
    scope: 'table',
    keys: ['ctrl-t'],
    command: 'row.label',
    help: 'label: key=value key- [--overwrite], as ktl label (marked rows too)',
    mutating: true,
  },
  {
    scope: 'table',
    keys: ['ctrl-o'],
    command: 'row.annotate',
    help: 'annotate: key=value key- [--overwrite], as ktl annotate (marked rows too)',
    mutating: true,
  },
  {
    scope: 'table',
    keys: ['F'],
    command: 'row.portForward',
    help: 'port-forward (a pod, or a pod of a workload/Service); :pf lists them',
  },
  {
    scope: 'pods',
    keys: ['s'],
    command: 'pod.shell',
    help: 'shell in a container (bash, else sh)',
    mutating: true,
  },
  {
    scope: 'pods',
    keys: ['a'],
    command: 'pod.attach',
    help: 'attach to a container',
    mutating: true,
  },
  {
    scope: 'pods',
    keys: ['p'],
    command: 'pod.previousLogs',
    help: 'logs of the previous container',
  },
  { scope: 'text', keys: ['m'], command: 'yaml.managedFields', help: 'YAML: managedFields on/off' },
  { scope: 'text', keys: ['n'], command: 'text.nextMatch', help: 'next match of the / search' },
  { scope: 'text', keys: ['N'], command: 'text.previousMatch', help: 'previous match' },
  { scope: 'text', keys: ['left', 'h'], command: 'text.left', help: 'scroll left' },
  { scope: 'text', keys: ['right', 'l'], command: 'text.right', help: 'scroll right (long lines)' },
  { scope: 'logs', keys: ['f', 's'], command: 'logs.follow', help: 'follow (autoscroll) on/off' },
  { scope: 'logs', keys: ['c'], command: 'logs.container', help: 'next container' },
  { scope: 'logs', keys: ['a'], command: 'logs.allContainers', help: 'every container / one' },
  { scope: 'logs', keys: ['p'], command: 'logs.previous', help: 'previous container on/off' },
  { scope: 'logs', keys: ['t'], command: 'logs.timestamps', help: 'timestamps on/off' },
  { scope: 'logs', keys: ['w'], command: 'logs.wrap', help: 'wrap long lines on/off' },
  {
    scope: 'logs',
    keys: ['0', ...DIGITS.slice(0, 6)],
    command: 'logs.window',
    help: 'window: 0 tail, 1 all, 2 1m, 3 5m, 4 15m, 5 30m, 6 1h',
  },
  { scope: 'logs', keys: ['ctrl-s'], command: 'logs.save', help: 'save the lines to a file' },
  {
    scope: 'xray',
    keys: ['enter'],
    command: 'xray.goTo',
    help: 'go to the object in its table (a container: its logs)',
  },
  { scope: 'xray', keys: ['space'], command: 'xray.collapse', help: 'collapse / expand the node' },
  { scope: 'xray', keys: ['x'], command: 'xray.collapseAll', help: 'collapse / expand all' },
  {
    scope: 'xray',
    keys: ['d'],
    command: 'xray.describeNode',
    help: 'describe (a container: its pod)',
  },
  { scope: 'xray', keys: ['y'], command: 'xray.nodeYaml', help: 'YAML (a container: its pod)' },
  { scope: 'xray', keys: ['l'], command: 'xray.nodeLogs', help: 'logs of the pod or container' },
  { scope: 'pick', keys: ['enter'], command: 'pick.choose', help: 'choose' },
  {
    scope: 'forwards',
    keys: ['ctrl-d'],
    command: 'forward.stop',
    help: 'stop the marked forwards, else the selected one (asks first)',
  },
  { scope: 'forwards', keys: ['space'], command: 'row.mark', help: 'mark / unmark the row' },
  { scope: 'forwards', keys: ['ctrl-space'], command: 'row.markRange', help: 'mark a range' },
  { scope: 'forwards', keys: ['ctrl-\\'], command: 'row.clearMarks', help: 'clear the marks' },
  { scope: 'prompt', keys: ['enter'], command: 'prompt.submit', help: 'run the command / filter' },
  { scope: 'prompt', keys: ['esc'], command: 'prompt.cancel', help: 'cancel' },
  { scope: 'prompt', keys: ['tab'], command: 'prompt.complete', help: 'take the completion' },
  { scope: 'prompt', keys: ['ctrl-u'], command: 'prompt.clear', help: 'clear the line' },
  { scope: 'prompt', keys: ['ctrl-w'], command: 'prompt.deleteWord', help: 'delete a word' },
  {
    scope: 'prompt',
    keys: ['backspace', 'delete'],
    command: 'prompt.backspace',
    help: 'delete a character',
  },
  { scope: 'question', keys: ['enter'], command: 'answer.submit', help: 'answer' },
  { scope: 'question', keys: ['esc'], command: 'answer.cancel', help: 'cancel' },
  { scope: 'dialog', keys: ['enter'], command: 'dialog.submit', help: 'OK' },
  { scope: 'dialog', keys: ['esc'], command: 'dialog.cancel', help: 'cancel' },
  { scope: 'dialog', keys: ['tab', 'down'], command: 'dialog.next', help: 'next field' },
  {
    scope: 'dialog',
    keys: ['shift-tab', 'up'],
    command: 'dialog.previous',
    help: 'previous field',
  },
  {
    scope: 'dialog',
    keys: ['backspace', 'delete'],
    command: 'dialog.backspace',
    help: 'delete a character',
  },
  { scope: 'dialog', keys: ['ctrl-u'], command: 'dialog.clear', help: 'clear the field' },
  { scope: 'help', keys: ['esc', '?', 'q'], command: 'help.close', help: 'close this help' },
  { scope: 'help', keys: ['down', 'j'], command: 'help.down', help: 'scroll down' },
  { scope: 'help', keys: ['up', 'k'], command: 'help.up', help: 'scroll up' },
];

/** The help screen's sections, in order, with the scopes each lists. */
const SECTIONS: Array<{ title: string; scopes: KeyScope[] }> = [
  { title: 'Global', scopes: ['always', 'global'] },
  { title: 'Moving (tables, text, logs, lists)', scopes: ['move'] },
  { title: 'Table', scopes: ['table'] },
  { title: 'Pods', scopes: ['pods'] },
  { title: 'Text (describe, YAML)', scopes: ['text'] },
  { title: 'Logs', scopes: ['logs'] },
  { title: 'Lists (:ctx)', scopes: ['pick'] },
  { title: 'Port-forwards (:pf)', scopes: ['forwards'] },
  { title: 'Xray (:xray TYPE [ns])', scopes: ['xray'] },
  { title: 'Prompt (: and /)', scopes: ['prompt'] },
  { title: 'Dialogs (port-forward)', scopes: ['dialog'] },
  { title: 'Questions', scopes: ['question'] },
  { title: 'Help', scopes: ['help'] },
];

const GLYPHS: Record<string, string> = { up: '↑', down: '↓', space: 'space' };

/** One help line. */
export interface KeyHelp {
  keys: string;
  help: string;
  mutating: boolean;
}

function keysText(keys: readonly string[]): string {
  if (keys === DIGITS) return '1-9';
  if (keys.length === 7 && keys[0] === '0') return '0-6';
  return keys.map((k) => GLYPHS[k] ?? k).join(' ');
}

/**
 * The keymap in use: the default one, or with some actions bound to other keys (the
 * `dashboard.keys` of ktl's preferences). Within a scope a key has one binding.
 */
export class Keymap {
  private readonly byScope = new Map<KeyScope, Map<string, KeyBinding>>();

  constructor(readonly bindings: readonly KeyBinding[] = KEY_BINDINGS) {
    for (const binding of bindings) {
      let keys = this.byScope.get(binding.scope);
      if (!keys) this.byScope.set(binding.scope, (keys = new Map()));
      for (const spec of binding.keys) keys.set(spec, binding);
    }
  }

  /** The binding of a key in the first of the scopes that binds it. */
  bindingFor(press: KeyPress, scopes: readonly KeyScope[]): KeyBinding | undefined {
    const spec = keySpec(press);
    for (const scope of scopes) {
      const found = this.byScope.get(scope)?.get(spec);
      if (found) return found;
    }
    return undefined;
  }

  /** The keymap as the help screen lists it, section by section. */
  helpSections(): Array<{ section: string; keys: KeyHelp[] }> {
    return SECTIONS.map(({ title, scopes }) => ({
      section: title,
      keys: this.bindings
        .filter((b) => scopes.includes(b.scope))
        .map((b) => ({ keys: keysText(b.keys), help: b.help, mutating: b.mutating === true })),
    }));
  }

  /**
   * This keymap with actions bound to other keys: `{ quit: 'x', 'row.delete': 'ctrl-x' }`. An
   * action is a command (`row.delete`) or the last part of one when only one ends so (`quit`);
   * the value is a key as the help names it, or several separated by commas. The new keys
   * replace the action's own (ctrl-c always quits) and are taken from any other action of the
   * same scope. Unknown actions come back as warnings.
   */
  withKeys(overrides: Readonly<Record<string, string>>): { keymap: Keymap; warnings: string[] } {
    const warnings: string[] = [];
    let bindings = [...this.bindings];
    for (const [action, value] of Object.entries(overrides)) {
      const command = commandNamed(action, bindings);
      const keys = value
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean);
      if (!command) {
        warnings.push(`dashboard.keys.${action}: no such action`);
        continue;
      }
      if (keys.length === 0) {
        warnings.push(`dashboard.keys.${action}: no key`);
        continue;
      }
      const scopes = new Set(
        bindings.filter((b) => b.command === command && b.scope !== 'always').map((b) => b.scope),
      );
      bindings = bindings.map((b) => {
        if (b.command === command && b.scope !== 'always') return { ...b, keys };
        if (!scopes.has(b.scope)) return b;
        return { ...b, keys: b.keys.filter((k) => !keys.includes(k)) };
      });
    }
    return { keymap: new Keymap(bindings), warnings };
  }
}

/** The command an action names: itself, or the one command whose last part it is. */
function commandNamed(action: string, bindings: readonly KeyBinding[]): KeyCommand | undefined {
  const commands = [...new Set(bindings.map((b) => b.command))];
  if ((commands as string[]).includes(action)) return action as KeyCommand;
  const bySuffix = commands.filter((c) => c.split('.')[1] === action);
  return bySuffix.length === 1 ? bySuffix[0] : undefined;
}

/** The default keymap. */
export const DEFAULT_KEYMAP = new Keymap();

/** The binding of a key in the default keymap. */
export function bindingFor(press: KeyPress, scopes: readonly KeyScope[]): KeyBinding | undefined {
  return DEFAULT_KEYMAP.bindingFor(press, scopes);
}

/** The default keymap as the help screen lists it. */
export function helpSections(): Array<{ section: string; keys: KeyHelp[] }> {
  return DEFAULT_KEYMAP.helpSections();
}
