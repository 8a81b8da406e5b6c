/** What each command of the keymap does (one handler per KeyCommand). */
import type { KeyCommand } from '../input/keymap.js';
import { completeCommand } from '../model/commands.js';
import { sortAfter } from '../model/sorting.js';
import { bulkActions } from './bulk-actions.js';
import { runCommand } from './command-runner.js';
import { forwardActions } from './forward-actions.js';
import { keyActions } from './key-actions.js';
import type { DashController, KeyHandler } from './dash-controller.js';
import { rowActions } from './row-actions.js';
import { saveLogs } from './save-logs.js';
import { terminalActions } from './terminal-actions.js';
import type { LogViewModel, TextViewModel } from './text-view-models.js';
import { TableViewModel } from './table-view-model.js';
import { xrayActions } from './xray-actions.js';
import { isRowsView } from './views.js';

type Handler = KeyHandler;

/** The handlers of every key command, bound to a controller. */
export function keyHandlers(app: DashController): Record<KeyCommand, Handler> {
  const rows = rowActions(app);
  const terminal = terminalActions(app);
  const forwards = forwardActions(app);
  const bulk = bulkActions(app);
  const keys = keyActions(app);
  const xray = xrayActions(app);
  const table = (): TableViewModel | undefined =>
    app.top instanceof TableViewModel ? app.top : undefined;
  /** The top view when it is a view of rows (a table, the port-forward list). */
  const rowsView = () => (isRowsView(app.top) ? app.top : undefined);
  /** Runs a row action on the selected row of the top table (nothing when there is none). */
  const onRow =
    (action: 'enter' | 'describe' | 'yaml' | 'logs' | 'owner'): Handler =>
    () => {
      const view = table();
      const row = view?.selectedRow();
      if (view && row) return rows[action](view, row);
    };
  /** Runs a bulk action on the marked rows of the top table (else its selected row). */
  const onRows =
    (action: keyof typeof bulk | keyof typeof keys): Handler =>
    () => {
      const view = table();
      const rows = view?.actionRows() ?? [];
      if (!view || rows.length === 0) return;
      if (action === 'label' || action === 'annotate') return keys[action](view, rows);
      return bulk[action](view, rows);
    };
  /** Runs a terminal action (shell, attach, edit) on the selected row of the top table. */
  const onTerminal =
    (action: keyof typeof terminal): Handler =>
    () => {
      const view = table();
      const row = view?.selectedRow();
      if (view && row) return terminal[action](view, row);
    };
  const sortBy =
    (key: Parameters<typeof sortAfter>[0]): Handler =>
    () => {
      const view = table();
      if (!view) return;
      const sort = sortAfter(key, view.sort, view.snapshot().columns);
      if (sort) view.setSort(sort);
    };
  const logs = (): LogViewModel | undefined => (app.top.kind === 'logs' ? app.top : undefined);
  /** Changes a log view's options and follows again with them (from the end). */
  const restartLogs = (change: (view: LogViewModel) => boolean): void => {
    const view = logs();
    if (!view || !change(view)) return;
    view.follow = true;
    view.attach(app.session.client, app.changed);
  };
  const completions = (): string[] =>
    completeCommand(app.prompt, app.session.typeNames, app.session.contexts);

  return {
    'app.quit': () => app.host.exit(),
    'app.help': () => {
      app.helpOffset = 0;
      app.mode = 'help';
    },
    'app.command': () => {
      app.prompt = '';
      app.mode = 'command';
    },
    'app.filter': () => {
      const view = app.top;
      if (view.kind !== 'table' && view.kind !== 'text') return;
      app.prompt = view.kind === 'table' ? view.filter : view.search;
      app.mode = 'filter';
    },
    'view.back': () => {
      const view = table();
      if (view && view.filter !== '') return applyFilter(app, view, '');
      app.pop();
    },
    'view.last': () => app.views.lastView(),
    'view.historyBack': () => app.views.historyBack(),
    'view.historyForward': () => app.views.historyForward(),
    'row.kill': onRows('kill'),
    'row.mark': () => rowsView()?.toggleMark(),
    'row.markRange': () => rowsView()?.markRange(),
    'row.clearMarks': () => rowsView()?.clearMarks(),
    'row.owner': onRow('owner'),
    'text.nextMatch': () => {
      if (app.top.kind === 'text') app.top.nextMatch(1, app.textHeight);
    },
    'text.previousMatch': () => {
      if (app.top.kind === 'text') app.top.nextMatch(-1, app.textHeight);
    },
    'text.left': () => {
      if (app.top.kind === 'text') app.top.scrollSideways(-SIDEWAYS);
    },
    'text.right': () => {
      if (app.top.kind === 'text') app.top.scrollSideways(SIDEWAYS);
    },
    'yaml.managedFields': () => {
      if (app.top.kind === 'text') app.top.toggleAlternate();
    },
    'ns.all': () => {
      if (table()) return rows.useNamespace('', false);
    },
    'ns.favourite': (press) => {
      const namespace = app.favourites[Number(press.text) - 1];
      if (table() && namespace !== undefined) return rows.useNamespace(namespace, false);
    },
    'move.up': () => app.move('up'),
    'move.down': () => app.move('down'),
    'move.pageUp': () => app.move('pageUp'),
    'move.pageDown': () => app.move('pageDown'),
    'move.top': () => app.move('top'),
    'move.bottom': () => app.move('bottom'),
    'row.enter': onRow('enter'),
    'row.describe': onRow('describe'),
    'row.yaml': onRow('yaml'),
    'row.logs': onRow('logs'),
    'row.delete': onRows('remove'),
    'row.scale': onRows('scale'),
    'row.restart': onRows('restart'),
    'row.edit': onTerminal('edit'),
    'row.label': onRows('label'),
    'row.annotate': onRows('annotate'),
    'xray.goTo': () => xray.enter(),
    'xray.collapse': () => xray.toggle(),
    'xray.collapseAll': () => xray.toggleAll(),
    'xray.describeNode': () => xray.describe(),
    'xray.nodeYaml': () => xray.yaml(),
    'xray.nodeLogs': () => xray.logs(),
    'pod.shell': onTerminal('shell'),
    'pod.attach': onTerminal('attach'),
    'sort.name': sortBy('name'),
    'sort.age': sortBy('age'),
    'sort.status': sortBy('status'),
    'sort.previous': sortBy('previous'),
    'sort.next': sortBy('next'),
    'table.wide': () => table()?.toggleWide(),
    'logs.follow': () => logs()?.toggleFollow(app.textHeight),
    'logs.container': () => restartLogs((view) => view.nextContainer()),
    'logs.allContainers': () => restartLogs((view) => view.toggleAllContainers()),
    'logs.previous': () =>
      restartLogs((view) => {
        view.previous = !view.previous;
        return true;
      }),
    'logs.timestamps': () =>
      restartLogs((view) => {
        view.timestamps = !view.timestamps;
        return true;
      }),
    'logs.wrap': () => {
      const view = logs();
      if (view) view.wrap = !view.wrap;
    },
    'logs.window': (press) =>
      restartLogs((view) => {
        view.window = Number(press.text);
        return true;
      }),
    'logs.save': () => {
      const view = logs();
      if (view) saveLogs(app, view);
    },
    'pod.previousLogs': () => {
      const view = table();
      const row = view?.selectedRow();
      if (view && row) return rows.logs(view, row, true);
    },
    'row.portForward': () => {
      const view = table();
      const row = view?.selectedRow();
      if (view && row) return forwards.open(view, row);
    },
    'forward.stop': () => {
      const view = app.top;
      const rows = view.kind === 'forwards' ? view.actionRows() : [];
      if (view.kind === 'forwards' && rows.length > 0) forwards.stop(view, rows);
    },
    'dialog.submit': () => app.closeDialog(true),
    'dialog.cancel': () => app.closeDialog(false),
    'dialog.next': () => app.dialog?.next(),
    'dialog.previous': () => app.dialog?.previous(),
    'dialog.backspace': () => app.dialog?.backspace(),
    'dialog.clear': () => app.dialog?.clear(),
    'pick.choose': () => {
      const view = app.top;
      if (view.kind !== 'pick') return;
      const item = view.items[view.selected];
      if (item !== undefined) view.onPick(item);
    },
    'prompt.cancel': () => {
      app.mode = 'normal';
    },
    'prompt.submit': () => {
      const text = app.prompt;
      const mode = app.mode;
      app.mode = 'normal';
      if (mode === 'command') return runCommand(app, text);
      if (app.top.kind === 'text') return searchText(app, app.top, text.trim());
      const view = table();
      if (view) applyFilter(app, view, text.trim());
    },
    'prompt.complete': () => {
      const first = completions()[0];
      if (first !== undefined) app.prompt = first;
    },
    'prompt.clear': () => {
      if (app.mode === 'question' && app.question) app.question.answer = '';
      else app.prompt = '';
    },
    'prompt.deleteWord': () => {
      if (app.mode === 'question' && app.question)
        app.question.answer = app.question.answer.replace(/\S*\s*$/, '');
      else app.prompt = app.prompt.replace(/\S*\s*$/, '');
    },
    'prompt.backspace': () => {
      if (app.mode === 'question' && app.question)
        app.question.answer = app.question.answer.slice(0, -1);
      else app.prompt = app.prompt.slice(0, -1);
    },
    'answer.submit': () => app.answer(app.question?.answer ?? ''),
    'answer.cancel': () => app.answer(''),
    'help.close': () => {
      app.mode = 'normal';
    },
    'help.down': () => {
      app.helpOffset++;
    },
    'help.up': () => {
      app.helpOffset = Math.max(0, app.helpOffset - 1);
    },
  };
}

/** How far one left/right key scrolls a text sideways. */
const SIDEWAYS = 10;

/** `/` in a text view (YAML, describe): finds the lines holding the text; n/N go on. */
function searchText(app: DashController, view: TextViewModel, text: string): void {
  view.setSearch(text, app.textHeight);
  if (text !== '' && view.matches.length === 0) app.say(`search: no match for "${text}"`, true);
}

/** Sets a table's `/` filter; an invalid one is reported, a `-l` one changes what is watched. */
export function applyFilter(app: DashController, view: TableViewModel, text: string): void {
  const before = view.informerScope;
  view.setFilter(text);
  if (view.filterError) app.say(`filter: ${view.filterError}`, true);
  const after = view.informerScope;
  if (before.labelSelector !== after.labelSelector)
    view.rescope(view.scope, app.session.pool, app.changed);
}

/** The completions of the prompt (shown under it). */
export function promptCompletions(app: DashController): string[] {
  return app.mode === 'command'
    ? completeCommand(app.prompt, app.session.typeNames, app.session.contexts)
    : [];
}
