/**
 * Aligns rows of cells the way kubectl's tabwriter does (Go text/tabwriter with minwidth 0,
 * padding 3, padchar ' '): every cell but the last of a row is padded to its column's widest
 * cell plus the padding; the last cell is written as is.
 */
export function alignColumns(rows: readonly (readonly string[])[], padding = 3): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, index) => {
      if (index === row.length - 1) return;
      widths[index] = Math.max(widths[index] ?? 0, displayWidth(cell));
    });
  }
  let out = '';
  for (const row of rows) {
    out +=
      row
        .map((cell, index) =>
          index === row.length - 1
            ? cell
            : cell + ' '.repeat((widths[index] ?? 0) + padding - displayWidth(cell)),
        )
        .join('') + '\n';
  }
  return out;
}

/** Width in runes, as Go's tabwriter counts it. */
function displayWidth(text: string): number {
  return [...text].length;
}
