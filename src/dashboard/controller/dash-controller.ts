/**
 * The dashboard's controller: all of its state (the view stack, the mode, the prompt, the
 * question, the message line) and every key. Keys are applied one at a time, each in the mode
 * the previous one left (a paste of `:deploy⏎jj` opens deployments, then moves two rows down).
 * A key that starts something asynchronous that changes the view (a type lookup, a drill-down)
 * holds the keys typed after it until the new view is there. The Ink components only draw it.
 */
import type { InformerState } from '../../resources/informer.js';
import type { KeyBinding, KeyCommand, KeyScope } from '../input/keymap.js';
import type { Keymap } from '../input/keymap.js';
import { DEFAULT_KEYMAP } from '../input/keymap.js';
import type { KeyPress } from '../input/keys.js';
import { decodeKey, splitKeys } from '../input/keys.js';
import { rememberNamespace } from '../model/favourites.js';
import type { ConnectionHealth } from '../model/informer-pool.js';
import type { Session } from '../model/session.js';
import { bodyHeight } from '../model/views.js';
import type { Dialog } from './dialog.js';
import { errorText } from './error-text.js';
import type { TableViewModel } from './table-view-model.js';
import type { Move } from './text-view-models.js';
import { KeyQueue } from './key-queue.js';
import { moveIn } from './movement.js';
import { ViewStack } from './view-stack.js';
import type { View } from './views.js';

export type { View } from './views.js';

/** What a key command does; a promise holds the keys typed after it until it settles. */
export type KeyHandler = (press: KeyPress) => void | Promise<void>;

/** What the keys currently go to. */
export type Mode = 'normal' | 'command' | 'filter' | 'help' | 'question' | 'dialog';

/** A question on the bottom line: y/N, a number (scale), or a line of text (label). */
export interface Question {
  text: string;
  answer: string;
  numeric: boolean;
  /** Any text is typed (enter answers), not a single y/N key. */
  freeText?: boolean;
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
  forwards: ['forwards', 'move', 'global'],
  xray: ['xray', 'move', 'global'],
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
  dialog: ['dialog'],
  help: ['help'],
};

/** The dashboard's state and key handling. */
export class DashController {
  session: Session;
  namespace: string;
  favourites: string[];
  readonly views: ViewStack;
  mode: Mode = 'normal';
  /** The text typed after `:` or `/`. */
  prompt = '';
  question: Question | undefined;
  dialog: Dialog | undefined;
  message: { text: string; error: boolean } | undefined;
  helpOffset = 0;
  serverVersion = '';
  /** The keys (the default keymap, or with ktl's preferences' keys). */
  keymap: Keymap = DEFAULT_KEYMAP;
  columns = 80;
  rows = 24;
  private version = 0;
  private readonly listeners = new Set<() => void>();
  private readonly keys = new KeyQueue({
    apply: (press) => this.handleKey(press),
    // Keys typed for a table that is still loading (`:deploy⏎j`) apply to its rows.
    hold: () => (this.top.kind === 'table' && this.top.holdsKeys ? this.top.loaded : undefined),
    failed: (error) => this.say(errorText(error), true),
    drained: () => this.changed(),
  });
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
    this.views = new ViewStack(initial, {
      activate: (view) => this.activate(view),
      deactivate: (view) => this.deactivate(view),
    });
    this.handlers = handlers(this);
  }

  /** Starts the top view and reads the server version. */
  start(): void {
    this.loadServerVersion();
    this.views.activate();
  }

  /** Stops every view. */
  stop(): void {
    this.views.stopAll();
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
    const presses: KeyPress[] = [];
    for (const sequence of splitKeys(data)) {
      const press = decodeKey(sequence);
      if (this.keymap.bindingFor(press, ['always'])?.command === 'app.quit') {
        this.host.exit();
        return;
      }
      presses.push(press);
    }
    this.keys.push(presses);
  }

  private handleKey(press: KeyPress): void | Promise<void> {
    const scopes = this.mode === 'normal' ? viewScopes(this.top) : MODE_SCOPES[this.mode];
    const binding = this.keymap.bindingFor(press, scopes);
    if (binding) return this.run(binding, press);
    if (this.mode === 'command' || this.mode === 'filter' || this.mode === 'dialog')
      return this.type(press);
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

  /** A character typed at the `:` or `/` prompt, or into a dialog's field. */
  private type(press: KeyPress): void {
    if (press.ctrl || press.meta || press.name !== '' || press.text === '') return;
    if (this.mode === 'dialog') this.dialog?.type(press.text);
    else this.prompt += press.text;
  }

  /** A key while a question waits: y/N answers at once; a number is typed. */
  private answerKey(press: KeyPress): void | Promise<void> {
    const question = this.question;
    if (!question || press.ctrl || press.meta || press.name !== '' || press.text === '') return;
    if (question.freeText) {
      question.answer += press.text;
      return;
    }
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

  /** Opens a dialog (a small form). */
  openDialog(dialog: Dialog): void {
    this.dialog = dialog;
    this.mode = 'dialog';
  }

  /** Closes the dialog, submitting its values or not. */
  closeDialog(submit: boolean): void | Promise<void> {
    const dialog = this.dialog;
    this.dialog = undefined;
    this.mode = 'normal';
    if (submit && dialog) return dialog.onSubmit(dialog.values());
  }

  // ---- what handlers use ----

  get top(): View {
    return this.views.top;
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
    moveIn(this.top, move, this.tableHeight, this.textHeight);
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
    this.views.push(view);
  }

  /** Goes back one view (Esc). */
  pop(): void {
    this.views.pop();
  }

  /** Replaces the stack's table views that have to change (namespace), keeping the rest. */
  useNamespace(namespace: string, showPods: boolean, podsView?: () => TableViewModel): void {
    this.namespace = namespace;
    this.favourites = rememberNamespace(this.favourites, namespace);
    this.views.retain((v) => !(v.kind === 'table' && v.picksNamespace));
    for (const view of this.views.views) {
      if (view.kind !== 'table' || view.pinnedNamespace || !view.scope.ref.namespaced) continue;
      if (view.scope.namespace !== namespace)
        view.rescope({ ...view.scope, namespace }, undefined, this.changed);
    }
    if (showPods && podsView) this.push(podsView());
    else this.views.activate();
  }

  /** The connection state the header shows: that of the nearest table down the stack. */
  connection(): { state: InformerState | undefined; fatal: unknown; health: ConnectionHealth } {
    const health = this.session.pool.health;
    const stack = this.views.views;
    for (let i = stack.length - 1; i >= 0; i--) {
      const view = stack[i];
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

  private activate(view: View): void {
    if (view.kind === 'table' && !view.attached) view.attach(this.session.pool, this.changed);
    if (view.kind === 'logs' && !view.stream) view.attach(this.session.client, this.changed);
    if (view.kind === 'forwards' && !view.attached) view.attach(this.changed);
    if (view.kind === 'xray' && !view.attached) view.attach(this.session.pool, this.changed);
  }

  private deactivate(view: View): void {
    if (view.kind !== 'text' && view.kind !== 'pick') view.detach();
  }
}
