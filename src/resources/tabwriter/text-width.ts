/** Widths of terminal text as Go's tabwriter counts them (runes), ignoring ANSI escape codes. */

// eslint-disable-next-line no-control-regex
const SPECIAL = /[\u001b\ud800-\udfff]/;
// eslint-disable-next-line no-control-regex
const ANSI_SEQUENCE = /\u001b\[[0-9;]*[A-Za-z]/g;

/** Number of Unicode code points in `text`, not counting ANSI CSI sequences (colour codes). */
export function textWidth(text: string): number {
  if (!SPECIAL.test(text)) return text.length;
  const visible = text.includes('\u001b') ? text.replace(ANSI_SEQUENCE, '') : text;
  let width = 0;
  for (let i = 0; i < visible.length; i++) {
    const code = visible.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < visible.length) i++;
    width++;
  }
  return width;
}

/** Number of Unicode code points in `text`, escape codes included (Go's utf8.RuneCountInString). */
export function runeCount(text: string): number {
  return [...text].length;
}

let spaces = ' '.repeat(256);

/** A run of `count` spaces. */
export function padding(count: number): string {
  if (count <= 0) return '';
  while (count > spaces.length) spaces += spaces;
  return spaces.slice(0, count);
}
