// esbuild plugin: three small patches to Ink's frame output, found by profiling the dashboard
// (160x50 table of 5,000 churning pods). Each is an exact text replacement; the build fails if
// the text is not found (e.g. after an upgrade), so a patch never silently stops applying.
//
// 1. ink/build/output.js makes new line caches (ANSI tokenizing, string widths) for every
//    frame, so each frame tokenized every character on screen again (~65% of a frame). The
//    caches are keyed by the line's text, so they are kept across frames, dropped when they
//    hold more than MAX_LINES lines (~10 screens; bounded memory).
// 2. The same file allocates a fresh blank cell object (and styles array) for every cell of
//    the screen on each frame; cells are only ever replaced, never mutated, so one shared
//    frozen blank serves them all (fewer allocations, less GC).
// 3. @alcalzone/ansi-tokenize's styledCharsToString diffs the styles of every pair of
//    neighbouring characters; when both carry the same codes the diff is empty, so it is
//    skipped (most of a line: plain text and trailing blanks).
import { readFile } from 'node:fs/promises';

const MAX_LINES = 600;

const PATCHES = [
  {
    file: /[\\/]ink[\\/]build[\\/]output\.js$/,
    replacements: [
      [
        'export default class Output {',
        `let sharedCaches;
function reusedCaches() {
  if (sharedCaches === undefined || sharedCaches.styledChars.size > ${MAX_LINES}) sharedCaches = new OutputCaches();
  return sharedCaches;
}
const BLANK_CELL = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });
export default class Output {`,
      ],
      ['caches = new OutputCaches();', 'caches = reusedCaches();'],
      [
        /row\.push\(\{\s*type: 'char',\s*value: ' ',\s*fullWidth: false,\s*styles: \[\],\s*\}\);/,
        'row.push(BLANK_CELL);',
      ],
    ],
  },
  {
    file: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/,
    replacements: [
      [
        'ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
        'if (!sameCodes(chars[i - 1].styles, char.styles)) ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
      ],
      [
        'export function styledCharsToString(chars) {',
        `function sameCodes(a, b) {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
  return true;
}
export function styledCharsToString(chars) {`,
      ],
    ],
  },
];

function patched(path, source, replacements) {
  let text = source;
  for (const [from, to] of replacements) {
    const found = typeof from === 'string' ? text.includes(from) : from.test(text);
    if (!found)
      throw new Error(
        `ink-render-patches: ${path} changed; update scripts/build/ink-render-patches.mjs`,
      );
    text = text.replace(from, to);
  }
  return text;
}

export const inkRenderPatches = {
  name: 'ink-render-patches',
  setup(build) {
    for (const { file, replacements } of PATCHES)
      build.onLoad({ filter: file }, async (args) => ({
        contents: patched(args.path, await readFile(args.path, 'utf8'), replacements),
        loader: 'js',
      }));
  },
};
