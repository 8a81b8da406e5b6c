// Bundles the CLI into dist/ with esbuild. Heavy modules (ink, react, yaml) are reached only
// through dynamic import(), so esbuild splits them into chunks that a command loads on demand:
// `ktl version --client` reads one small file.
import { build } from 'esbuild';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { inkRenderPatches } from './build/ink-render-patches.mjs';

// `ktl __complete` runs on every TAB, so bin/ktl gives it a bundle of its own: one CommonJS
// file (Node 20 loads that ~30 ms faster than the ES module graph of dist/main.js, and a
// CommonJS bundle requires node:https and the like only when they are first used). It holds
// what completion reaches: the command tree, config, transport, discovery and yaml. The lazy
// imports of the commands' implementations are left out; completion never runs a command.
const reachedByCompletion =
  /\/src\/(cli|config|transport|discovery|resources|errors|util)\/|\/src\/commands\/(factory\.ts|completion\/)/;
const leaveOutCommandImplementations = {
  name: 'leave-out-command-implementations',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== 'dynamic-import' || reachedByCompletion.test(args.importer))
        return undefined;
      return { path: `ktl-completion-bundle-lacks:${args.path}`, external: true };
    });
  },
};
// commander requires node:child_process (which loads net, stream and dgram: ~10 ms) for
// executable subcommands, which ktl does not use; it gets the module when it first touches it.
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/')
        ? { path: 'lazy-child-process', namespace: 'ktl-lazy' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'ktl-lazy' }, () => ({
      contents:
        "let real;\nmodule.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });\n",
      loader: 'js',
    }));
  },
};
// bin/ktl compiles the completion bundle with vm.Script (to use a V8 code cache), where import()
// has no loader: there, yaml is required instead.
const requireYaml = {
  name: 'require-yaml',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: 'yaml', namespace: 'ktl-require-yaml' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'ktl-require-yaml' }, () => ({
      contents: "module.exports = require('yaml');\n",
      loader: 'js',
    }));
  },
};
const completionBundle = {
  bundle: true,
  splitting: false,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minify: true,
  legalComments: 'none',
  // yaml is a third of the bundle and only parses a kubeconfig that changed: from node_modules.
  external: ['react-devtools-core', 'yaml'],
  plugins: [leaveOutCommandImplementations, lazyChildProcessForCommander, requireYaml],
  logLevel: 'warning',
};

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
  plugins: [inkRenderPatches, lazyChildProcessForCommander],
  logLevel: 'warning',
});
await build({
  ...completionBundle,
  entryPoints: { complete: 'src/cli/main.ts' },
  outdir: next.pathname,
  define: {
    KTL_VERSION: JSON.stringify(pkg.version),
    'process.env.NODE_ENV': '"production"',
    'process.env.DEV': '"false"',
  },
});
const old = new URL(`../dist.old-${process.pid}`, import.meta.url);
try {
  renameSync(dist, old);
} catch {
  // no previous build
}
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
