// esbuild plugin: keeps Ink's per-line caches (ANSI tokenizing, string widths) from one frame to
// the next. Ink 6 makes a new OutputCaches for every frame, so each frame tokenizes every
// character on screen again; in the dashboard (a 160x50 table, a few rows changed per frame)
// that was ~65% of a frame's render time. The caches are keyed by the line's text, so reusing
// them is safe; they are dropped when they hold more than MAX_LINES entries (bounded memory).
// The build fails if Ink's code no longer has the shape this relies on (e.g. after an upgrade).
import { readFile } from 'node:fs/promises';

const MAX_LINES = 600;
const FIELD = 'caches = new OutputCaches();';
const CLASS = 'export default class Output {';

export const inkOutputCache = {
  name: 'ink-output-cache',
  setup(build) {
    build.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(FIELD) || !source.includes(CLASS))
        throw new Error(
          `ink-output-cache: ${args.path} changed; update scripts/build/ink-output-cache.mjs`,
        );
      const shared = `let sharedCaches;
function reusedCaches() {
  if (sharedCaches === undefined || sharedCaches.styledChars.size > ${MAX_LINES}) sharedCaches = new OutputCaches();
  return sharedCaches;
}
${CLASS}`;
      return {
        contents: source.replace(CLASS, shared).replace(FIELD, 'caches = reusedCaches();'),
        loader: 'js',
      };
    });
  },
};
