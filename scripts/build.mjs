// Bundles the CLI into dist/ with esbuild. Heavy modules (ink, react, yaml) are reached only
// through dynamic import(), so esbuild splits them into chunks that a command loads on demand:
// `ktl version --client` reads one small file.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minifySyntax: true,
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
  logLevel: 'warning',
});
