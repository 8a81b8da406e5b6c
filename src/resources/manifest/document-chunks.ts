/** The text of one YAML document inside a file, and its 1-based number there. */
export interface DocumentChunk {
  start: number;
  end: number;
  number: number;
}

/** A `---` line: the marker, then a space, a tab or the end of the line. */
const MARKER = /^---(?:[ \t\r\n]|$)/;
/** Lines that change how the following text is read: directives and `...` document ends. */
const STREAM_SYNTAX = /^(?:%|\.\.\.(?:[ \t\r\n]|$))/m;

/**
 * Cuts a multi-document YAML text at its `---` lines, numbering the documents as the `yaml`
 * package's composer does: each `---` starts a document (an empty one too), and the text before
 * the first `---` is a document only when it holds more than comments and blank lines. A YAML
 * line that starts with `---` and a space always starts a document (even inside a block or
 * quoted scalar), so the cut needs no parse.
 *
 * Undefined when the text uses what the cut does not model (directives, `...`, a byte order
 * mark, a carriage return that ends a line by itself): such a file is read whole by `yaml`.
 */
export function splitDocuments(text: string): DocumentChunk[] | undefined {
  if (STREAM_SYNTAX.test(text) || text.includes('\uFEFF') || /\r(?!\n)/.test(text))
    return undefined;
  const starts: number[] = [];
  for (let at = 0; at !== -1 && at < text.length;) {
    if (text.startsWith('---', at) && MARKER.test(text.slice(at, at + 4))) starts.push(at);
    const newline = text.indexOf('\n', at);
    at = newline === -1 ? -1 : newline + 1;
  }
  const chunks: DocumentChunk[] = [];
  const first = starts[0] ?? text.length;
  if (hasContent(text.slice(0, first))) chunks.push({ start: 0, end: first, number: 1 });
  starts.forEach((start, index) => {
    const end = starts[index + 1] ?? text.length;
    chunks.push({ start, end, number: chunks.length + 1 });
  });
  return chunks;
}

/** Whether a text holds anything but blank lines and comments. */
function hasContent(text: string): boolean {
  return text.split('\n').some((line) => {
    const trimmed = line.trim();
    return trimmed !== '' && !trimmed.startsWith('#');
  });
}
