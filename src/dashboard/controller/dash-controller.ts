/**
 * The dashboard's controller: all of its state (the view stack, the mode, the prompt, the
 * question, the message line) and every key. Keys are applied one at a time, each in the mode
 * the previous one left (a paste of `:deploy⏎jj` opens deployments, then moves two rows down).
 * A key that starts something asynchronous that changes the view (a type lookup, a drill-down)
 * holds the keys typed after it until the new view is there. The Ink components only draw it.
 */
import type { InformerState } from '../../resources/informer.js';
import type { KeyBinding, KeyCommand, KeyScope } from '../input/keymap.js';
import { bindingFor } from '../input/keymap.js';
import type { KeyPress } from '../input/keys.js';
import { decodeKey, splitKeys } from '../input/keys.js';
import { rememberNamespace } from '../model/favourites.js';
import type { ConnectionHealth } from '../model/informer-pool.js';
import type { Session } from '../model/session.js';
import { bodyHeight } from '../model/views.js';
import type { TableViewModel } from './table-view-model.js';
import { errorText } from './error-text.js';
import type { LogViewModel, Move, PickViewModel, TextViewModel } from './text-view-models.js';

/** A screen of the stack. */
export type View = TableViewModel | TextViewModel | LogViewModel | PickViewModel;

/** What a key command does; a promise holds the keys typed after it until it settles. */
export type KeyHandler = (press: KeyPress) => void | Promise<void>;

/** What the keys currently go to. */
export type Mode = 'normal' | 'command' | 'filter' | 'help' | 'question';

/** A question on the bottom line: y/N, or a number (scale). */
export interface Question {
  text: string;
  answer: string;
  numeric: boolean;
  onAnswer: (answer: string) => void | Promise<void>;
}

/** What the controller needs from its surroundings. */
export interface ControllerHost {
  exit(): void;
  /** Opens a session on another context (`:ctx`). */
  switchContext(name: string): Promise<Session>;
  /** Gives the terminal to `job` (a shell, an editor) and takes it back when it ends. */
  handOver(job: () => Promise<void>): Promise<void>;
}

const SCOPES: Record<View['kind'], KeyScope[]> = {
  table: ['table', 'move', 'global'],
  text: ['text', 'move', 'global'],
  logs: ['logs', 'move', 'global'],
  pick: ['pick', 'move', 'global'],
};

/** The scopes of the top view's keys: a pods table adds the pod keys (shell, attach…). */
function viewScopes(view: View): KeyScope[] {
  if (view.kind === 'table' && view.scope.ref.group === '' && view.scope.ref.resource === 'pods')
    return ['pods', ...SCOPES.table];
  return SCOPES[view.kind];
}

const MODE_SCOPES: Record<Exclude<Mode, 'normal'>, KeyScope[]> = {
  command: ['prompt'],
  filter: ['prompt'],
  question: ['question', 'prompt'],
  help: ['help'],
};

/** The dashboard's state and key handling. */
export class DashController {
  session: Session;
  namespace: string;
  favourites: string[];
  stack: View[];
  mode: Mode = 'normal';
  /** The text typed after `:` or `/`. */
  prompt = '';
  question: Question | undefined;
  message: { text: string; error: boolean } | undefined;
  helpOffset = 0;
  serverVersion = '';
  columns = 80;
  rows = 24;
  private version = 0;
  private readonly listeners = new Set<() => void>();
  private readonly queue: KeyPress[] = [];
  /** Views `[` went back from, for `]`. */
  private forward: View[] = [];
  private pending: Promise<void> | undefined;
  private messageTimer: NodeJS.Timeout | undefined;
  private readonly handlers: Record<KeyCommand, KeyHandler>;

  constructor(
    session: Session,
    initial: TableViewModel,
    readonly host: ControllerHost,
    handlers: (app: DashController) => Record<KeyCommand, KeyHandler>,
  ) {
    this.session = session;
    this.namespace = initial.scope.namespace;
    this.favourites = rememberNamespace(session.favourites, this.namespace);
    this.stack = [initial];
    this.handlers = handlers(this);
  }

  /** Starts the top view and reads the server version. */
  start(): void {
    this.loadServerVersion();
    this.activate();
  }

  /** Stops every view. */
  stop(): void {
    for (const view of this.stack) this.deactivate(view);
    clearTimeout(this.messageTimer);
  }

  // ---- React's view of the controller (useSyncExternalStore) ----

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** Something on screen changed. */
  changed = (): void => {
    this.version++;
    for (const listener of this.listeners) listener();
  };

  /** The terminal's size (pages and scroll positions depend on it). */
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
  }

  // ---- input ----

  /** One input event from the terminal: may hold many keys, applied one by one. */
  input(data: string): void {
    for (const sequence of splitKeys(data)) {
      const press = decodeKey(sequence);
      if (bindingFor(press, ['always'])?.command === 'app.quit') {
        this.host.exit();
        return;
      }
      this.queue.push(press);
    }
    this.drain();
  }

  private drain(): void {
    while (this.pending === undefined && this.queue.length > 0) {
      const top = this.top;
      if (top.kind === 'table' && top.holdsKeys) {
        // Keys typed for a table that is still loading (`:deploy⏎j`) apply to its rows.
        this.pending = top.loaded.finally(() => {
          this.pending = undefined;
          this.drain();
        });
        break;
      }
      const press = this.queue.shift() as KeyPress;
      const result = this.handleKey(press);
      if (result instanceof Promise) {
        this.pending = result
          .catch((error: unknown) => this.say(errorText(error), true))
          .finally(() => {
            this.pending = undefined;
            this.drain();
          });
      }
    }
    this.changed();
  }

  private handleKey(press: KeyPress): void | Promise<void> {
    const scopes = this.mode === 'normal' ? viewScopes(this.top) : MODE_SCOPES[this.mode];
    const binding = bindingFor(press, scopes);
    if (binding) return this.run(binding, press);
    if (this.mode === 'command' || this.mode === 'filter') return this.type(press);
    if (this.mode === 'question') return this.answerKey(press);
  }

  private run(binding: KeyBinding, press: KeyPress): void | Promise<void> {
    if (binding.mutating && this.session.readonly) {
      const what = binding.command.split('.')[1] ?? binding.command;
      this.say(`read-only: ${what} is disabled (--readonly or the context's ktl setting)`, true);
      return;
    }
    return this.handlers[binding.command](press);
  }

  /** A character typed at the `:` or `/` prompt. */
  private type(press: KeyPress): void {
    if (press.ctrl || press.meta || press.name !== '' || press.text === '') return;
    this.prompt += press.text;
  }

  /** A key while a question waits: y/N answers at once; a number is typed. */
  private answerKey(press: KeyPress): void | Promise<void> {
    const question = this.question;
    if (!question || press.ctrl || press.meta || press.name !== '' || press.text === '') return;
    if (!question.numeric) return this.answer(press.text);
    if (/^\d$/.test(press.text)) question.answer += press.text;
  }

  /** Closes the question with an answer ('' cancels). */
  answer(text: string): void | Promise<void> {
    const question = this.question;
    this.question = undefined;
    this.mode = 'normal';
    return question?.onAnswer(text);
  }

  // ---- what handlers use ----

  get top(): View {
    return this.stack[this.stack.length - 1] as View;
  }

  /** Lines of a table's body. */
  get tableHeight(): number {
    return bodyHeight(this.rows);
  }

  /** Lines of a text's body (no column header). */
  get textHeight(): number {
    return bodyHeight(this.rows) + 1;
  }

  /** Moves the selection or scroll position of the top view. */
  move(move: Move): void {
    const view = this.top;
    if (view.kind === 'table') {
      const count = view.snapshot().rows.length;
      const page = this.tableHeight - 1;
      const to = {
        up: view.selected() - 1,
        down: view.selected() + 1,
        pageUp: view.selected() - page,
        pageDown: view.selected() + page,
        top: 0,
        bottom: count - 1,
      }[move];
      view.select(to);
      return;
    }
    view.move(move, this.textHeight);
  }

  /** Shows a message on the bottom line for a few seconds. */
  say(text: string, error = false): void {
    this.message = { text, error };
    clearTimeout(this.messageTimer);
    this.messageTimer = setTimeout(() => {
      this.message = undefined;
      this.changed();
    }, 6000);
    this.messageTimer.unref();
    this.changed();
  }

  /** Opens a question on the bottom line. */
  ask(question: Question): void {
    this.question = question;
    this.mode = 'question';
  }

  /** Puts a view on top of the stack. */
  push(view: View): void {
    this.deactivate(this.top);
    this.stack.push(view);
    this.forward = [];
    this.activate();
  }

  /** Goes back one view (Esc). */
  pop(): void {
    if (this.stack.length < 2) return;
    this.deactivate(this.stack.pop() as View);
    this.activate();
  }

  /** `[`: back one view, remembered for `]`. */
  historyBack(): void {
    if (this.stack.length < 2) return;
    const view = this.stack.pop() as View;
    this.deactivate(view);
    this.forward.push(view);
    this.activate();
  }

  /** `]`: forward again to the view `[` left. */
  historyForward(): void {
    const view = this.forward.pop();
    if (!view) return;
    this.deactivate(this.top);
    this.stack.push(view);
    this.activate();
  }

  /** `-`: the last view and the current one change places (again: back). */
  lastView(): void {
    if (this.stack.length < 2) return;
    const current = this.stack.pop() as View;
    const last = this.stack.pop() as View;
    this.deactivate(current);
    this.stack.push(current, last);
    this.activate();
  }

  /** Replaces the whole stack (another context). */
  reset(views: View[]): void {
    for (const view of this.stack) this.deactivate(view);
    this.stack = views;
    this.forward = [];
    this.activate();
  }

  /** Replaces the stack's table views that have to change (namespace), keeping the rest. */
  useNamespace(namespace: string, showPods: boolean, podsView?: () => TableViewModel): void {
    this.namespace = namespace;
    this.favourites = rememberNamespace(this.favourites, namespace);
    const kept = this.stack.filter((v) => !(v.kind === 'table' && v.picksNamespace));
    for (const view of this.stack) if (!kept.includes(view)) this.deactivate(view);
    if (kept.length > 0) this.stack = kept;
    for (const view of this.stack) {
      if (view.kind !== 'table' || view.pinnedNamespace || !view.scope.ref.namespaced) continue;
      if (view.scope.namespace !== namespace)
        view.rescope({ ...view.scope, namespace }, undefined, this.changed);
    }
    if (showPods && podsView) this.push(podsView());
    else this.activate();
  }

  /** The connection state the header shows: that of the nearest table down the stack. */
  connection(): { state: InformerState | undefined; fatal: unknown; health: ConnectionHealth } {
    const health = this.session.pool.health;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const view = this.stack[i];
      if (view?.kind === 'table') return { state: view.state, fatal: view.fatal, health };
    }
    return { state: undefined, fatal: undefined, health };
  }

  /** Reads the server's version for the header. */
  loadServerVersion(): void {
    const session = this.session;
    void session.serverVersion.then((v) => {
      if (this.session !== session) return;
      this.serverVersion = v;
      this.changed();
    });
  }

  private activate(): void {
    const view = this.top;
    if (view.kind === 'table' && !view.attached) view.attach(this.session.pool, this.changed);
    if (view.kind === 'logs' && !view.stream) view.attach(this.session.client, this.changed);
  }

  private deactivate(view: View): void {
    if (view.kind === 'table' || view.kind === 'logs') view.detach();
  }
}
