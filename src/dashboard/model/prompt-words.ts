/**
 * The words of a line typed at a dashboard prompt, split as a shell would split simple
 * arguments: on blanks, with '…' and "…" keeping blanks inside a word (`note='two words'`).
 */
export function promptWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote = '';
  for (const char of line) {
    if (quote !== '') {
      if (char === quote) quote = '';
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote !== '') throw new Error(`unterminated ${quote} quote`);
  if (inWord) words.push(word);
  return words;
}
