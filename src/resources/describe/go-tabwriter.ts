/**
 * Go's text/tabwriter as kubectl describe configures it (minwidth 0, padding 2, spaces, no
 * flags, no remembered widths): tab-terminated cells align per column block; a line with a
 * single cell ends the block.
 */

function width(text: string): number {
  return [...text].length;
}

/** Formats tab-separated text (the whole output of a describer) as Go's tabwriter would. */
export function formatTabbed(text: string, padding = 2, minWidth = 0): string {
  const rawLines = text.split('\n');
  const trailing = rawLines.pop();
  const out: string[] = [];
  let block: string[][] = [];
  const flush = (): void => {
    formatBlock(block, 0, block.length, [], padding, minWidth, out);
    block = [];
  };
  for (const raw of rawLines) {
    const cells = raw.split('\t');
    block.push(cells);
    if (cells.length === 1) flush();
  }
  flush();
  return out.join('') + (trailing ?? '');
}

function formatBlock(
  lines: string[][],
  first: number,
  end: number,
  widths: number[],
  padding: number,
  minWidth: number,
  out: string[],
): void {
  const column = widths.length;
  let line0 = first;
  for (let at = first; at < end; at++) {
    if (column >= (lines[at] as string[]).length - 1) continue;
    writeLines(lines, line0, at, widths, out);
    line0 = at;
    let w = minWidth;
    for (; at < end; at++) {
      const line = lines[at] as string[];
      if (column >= line.length - 1) break;
      w = Math.max(w, width(line[column] as string) + padding);
    }
    widths.push(w);
    formatBlock(lines, line0, at, widths, padding, minWidth, out);
    widths.pop();
    line0 = at;
    at--;
  }
  writeLines(lines, line0, end, widths, out);
}

function writeLines(
  lines: string[][],
  first: number,
  end: number,
  widths: number[],
  out: string[],
): void {
  for (let i = first; i < end; i++) {
    const line = lines[i] as string[];
    let text = '';
    line.forEach((cell, j) => {
      const w = widths[j];
      text += w === undefined ? cell : cell + ' '.repeat(Math.max(0, w - width(cell)));
    });
    out.push(`${text}\n`);
  }
}
