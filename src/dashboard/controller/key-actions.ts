/**
 * Label and annotate on the marked rows (else the selected row): one prompt takes what
 * `ktl label` / `ktl annotate` take after the object (`key=value`, `key-`, `--overwrite`),
 * and each object is changed through the same resource-level code as those commands.
 */
import { PlainError } from '../../errors/errors.js';
import type { KeyKind, KeyUpdates } from '../../resources/actions/key-updates.js';
import { parseKeyUpdates, updateObjectKeys } from '../../resources/actions/key-updates.js';
import type { DashRow } from '../model/table-model.js';
import { promptWords } from '../model/prompt-words.js';
import type { DashController } from './dash-controller.js';
import { errorText } from './error-text.js';
import { applyToAll, subject, targetsOf } from './bulk-actions.js';
import type { TableViewModel } from './table-view-model.js';

/** What a prompt's answer asks for. */
interface KeyRequest {
  updates: KeyUpdates;
  overwrite: boolean;
}

/** The words of the answer as the command reads them: pairs and --overwrite (kubectl's text). */
export function parseKeyRequest(kind: KeyKind, answer: string): KeyRequest {
  let overwrite = false;
  const pairs: string[] = [];
  for (const word of promptWords(answer)) {
    const flag = /^--overwrite(?:=(true|false))?$/.exec(word);
    if (flag) overwrite = flag[1] !== 'false';
    else if (word.startsWith('--')) throw new PlainError(`unknown flag: ${word.split('=')[0]}`);
    else pairs.push(word);
  }
  const updates = parseKeyUpdates(kind, pairs);
  if (updates.set.size === 0 && updates.remove.length === 0)
    throw new PlainError(`at least one ${kind} update is required`);
  return { updates, overwrite };
}

const VERBS: Record<KeyKind, { ask: string; done: string }> = {
  label: { ask: 'Label', done: 'labeled' },
  annotation: { ask: 'Annotate', done: 'annotated' },
};

/** The label and annotate actions, bound to a controller. */
export function keyActions(app: DashController) {
  const edit = (kind: KeyKind, view: TableViewModel, rows: readonly DashRow[]): void => {
    const targets = targetsOf(view, rows);
    if (targets.length === 0) return;
    const verbs = VERBS[kind];
    app.ask({
      text: `${verbs.ask} ${subject(targets)} (key=value key- [--overwrite]):`,
      answer: '',
      numeric: false,
      freeText: true,
      onAnswer: (answer) => {
        if (answer.trim() === '') return app.say(`${verbs.ask.toLowerCase()} cancelled`);
        let request: KeyRequest;
        try {
          request = parseKeyRequest(kind, answer);
        } catch (error) {
          return app.say(errorText(error), true);
        }
        const change = (target: (typeof targets)[number]) =>
          updateObjectKeys(app.session.client, target, kind, request.updates, request.overwrite);
        return applyToAll(app, view, targets, change, `${subject(targets)} ${verbs.done}`);
      },
    });
  };
  return {
    label: (view: TableViewModel, rows: readonly DashRow[]) => edit('label', view, rows),
    annotate: (view: TableViewModel, rows: readonly DashRow[]) => edit('annotation', view, rows),
  };
}
