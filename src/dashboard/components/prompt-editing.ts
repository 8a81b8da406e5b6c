/** The keys a one-line editor reacts to. */
export interface EditKey {
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  tab?: boolean;
  return?: boolean;
  escape?: boolean;
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
}

/** The text after a key in a one-line editor (backspace, ctrl-u, ctrl-w, typing); undefined if not an edit. */
export function editText(
  text: string,
  input: string,
  key: EditKey,
  numeric = false,
): string | undefined {
  if (key.backspace || key.delete) return text.slice(0, -1);
  if (key.ctrl && input === 'u') return '';
  if (key.ctrl && input === 'w') return text.replace(/\S*\s*$/, '');
  if (key.ctrl || key.meta || key.tab || key.return || key.escape) return undefined;
  if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return undefined;
  if (input === '' || [...input].some((c) => c.charCodeAt(0) < 32)) return undefined;
  if (numeric && !/^\d+$/.test(input)) return text;
  return text + input;
}
