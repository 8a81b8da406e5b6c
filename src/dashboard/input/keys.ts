/**
 * Terminal input as single keys. A read from a raw terminal may hold many keys (a paste, key
 * repeat, an SSH packet, `tmux send-keys`): Ink hands such a run over as one string, so it is
 * split here into keys, each decoded on its own, and the controller applies them one by one.
 */

/** The keys that are not characters. */
export type KeyName =
  | 'return'
  | 'escape'
  | 'tab'
  | 'backspace'
  | 'delete'
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageup'
  | 'pagedown'
  | 'home'
  | 'end';

/** One decoded key. */
export interface KeyPress {
  /** The character typed ('' for a named key); the letter for ctrl-letter. */
  text: string;
  /** The named key, or '' for a character. */
  name: KeyName | '';
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
}

const ESC = '\u001b';

/**
 * The keys in one input event. Ink's input parser already cuts escape sequences out into events
 * of their own; any other event is a run of characters, one key each (by code point, so an
 * emoji stays whole).
 */
export function splitKeys(data: string): string[] {
  if (data.startsWith(ESC)) return [data];
  return Array.from(data);
}

const CSI_NAMES: Record<string, KeyName> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  '1~': 'home',
  '7~': 'home',
  '4~': 'end',
  '8~': 'end',
  '2~': 'delete',
  '3~': 'delete',
  '5~': 'pageup',
  '6~': 'pagedown',
  Z: 'tab',
};

function key(text: string, name: KeyName | '' = '', mods: Partial<KeyPress> = {}): KeyPress {
  return { text, name, ctrl: false, meta: false, shift: false, ...mods };
}

/** Decodes an escape sequence: arrows, page keys, home/end (with modifiers), alt-key, Esc. */
function decodeEscape(sequence: string): KeyPress {
  const body = sequence.slice(1);
  if (body === '' || body === ESC) return key('', 'escape');
  const csi = /^(?:\[|O|\[\[)([\d;]*)([A-Za-z~])$/.exec(body);
  if (csi) {
    const [, params = '', final = ''] = csi;
    const [first = '', modifier = ''] = params.split(';');
    const name = CSI_NAMES[final === '~' ? `${first}~` : final];
    if (name === undefined) return key('', '');
    const bits = Math.max(0, Number(modifier || '1') - 1);
    return key('', name, {
      shift: (bits & 1) !== 0 || final === 'Z',
      meta: (bits & 2) !== 0,
      ctrl: (bits & 4) !== 0,
    });
  }
  // ESC followed by a key: alt (meta) + that key.
  return { ...decodeKey(body), meta: true };
}

/** Decodes one key (an element of splitKeys). */
export function decodeKey(sequence: string): KeyPress {
  if (sequence.startsWith(ESC)) return decodeEscape(sequence);
  const code = sequence.codePointAt(0) ?? 0;
  if (sequence === '\r' || sequence === '\n') return key('', 'return');
  if (sequence === '\t') return key('', 'tab');
  if (sequence === '\u007f' || sequence === '\b') return key('', 'backspace');
  if (code === 0) return key(' ', '', { ctrl: true });
  // 28–31 are ctrl with \ ] ^ _ (64 + code), not letters.
  if (code >= 28 && code < 32) return key(String.fromCharCode(code + 64), '', { ctrl: true });
  if (code < 32) return key(String.fromCharCode(code + 96), '', { ctrl: true });
  return key(sequence, '', { shift: /^[A-Z]$/.test(sequence) });
}

/**
 * The name a keymap binds a key by: `j`, `G`, `:`, `space`, `ctrl-d`, `alt-x`, `enter`, `esc`,
 * `down`, `shift-down`, `pgdn`.
 */
export function keySpec(press: KeyPress): string {
  const base =
    press.name === ''
      ? press.text === ' '
        ? 'space'
        : press.text
      : (SPEC_NAMES[press.name] ?? press.name);
  const shifted = press.name !== '' && press.shift ? `shift-${base}` : base;
  const withCtrl = press.ctrl ? `ctrl-${shifted}` : shifted;
  return press.meta && press.name !== 'escape' ? `alt-${withCtrl}` : withCtrl;
}

const SPEC_NAMES: Partial<Record<KeyName, string>> = {
  return: 'enter',
  escape: 'esc',
  pageup: 'pgup',
  pagedown: 'pgdn',
};
