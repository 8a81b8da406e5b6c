/**
 * github.com/mitchellh/go-wordwrap WrapString, which kubectl explain uses: breaks at
 * whitespace so that lines stay within `limit` runes, keeps existing newlines, and leaves
 * words longer than the limit whole.
 */
export function wordWrap(text: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  const flushSpaceAndWord = (): void => {
    current += runeLength(space) + runeLength(word);
    out += space + word;
    space = '';
    word = '';
  };
  for (const char of text) {
    if (char === '\n') {
      if (word === '') {
        if (current + runeLength(space) <= limit) out += space;
        space = '';
      } else flushSpaceAndWord();
      out += char;
      current = 0;
    } else if (/\s/.test(char) && char !== '\u00a0') {
      if (space === '' || word !== '') flushSpaceAndWord();
      space += char;
    } else {
      word += char;
      if (current + runeLength(space) + runeLength(word) > limit && runeLength(word) < limit) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word === '') {
    if (current + runeLength(space) <= limit) out += space;
  } else out += space + word;
  return out;
}

/** sprig's indent: every line (blank ones too) prefixed with `spaces` spaces. */
export function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return pad + text.replaceAll('\n', `\n${pad}`);
}

function runeLength(text: string): number {
  return [...text].length;
}
