// Bundles the CLI into dist/ with esbuild. Heavy modules (ink, react, yaml) are reached only
// through dynamic import(), so esbuild splits them into chunks that a command loads on demand:
// `ktl version --client` reads one small file.
import { build } from 'esbuild';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { inkRenderPatches } from './build/ink-render-patches.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Build into a fresh directory and swap it in, so a failed build never leaves dist/ half-empty
// (other processes may be running bin/ktl at the same time).
const dist = new URL('../dist', import.meta.url);
const next = new URL(`../dist.next-${process.pid}`, import.meta.url);
rmSync(next, { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: next.pathname,
  // Ink imports react-devtools-core only when DEV is set; it is not a dependency.
  external: ['react-devtools-core'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: {
    KTL_VERSION: JSON.stringify(pkg.version),
    'process.env.NODE_ENV': '"production"',
    'process.env.DEV': '"false"',
  },
  banner: {
    js: "import { createRequire as __ktlCreateRequire } from 'node:module'; const require = __ktlCreateRequire(import.meta.url);",
  },
  plugins: [inkRenderPatches],
  logLevel: 'warning',
});
const old = new URL(`../dist.old-${process.pid}`, import.meta.url);
try {
  renameSync(dist, old);
} catch {
  // no previous build
}
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
