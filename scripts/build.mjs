// Bundles the CLI into dist/ with esbuild, in three files:
//
// - dist/ktl.cjs: every command. CommonJS, because Node 20 starts one CommonJS file sooner than
//   a graph of ES module chunks (get pods: 38 chunk files, ~1 ms each to resolve and link), and
//   because bin/ktl can compile a CommonJS file with a V8 code cache (vm.Script), which Node 20
//   offers no ES module. Modules reached only through import() stay uninitialised until then.
//   Measured with warm caches (15 interleaved runs, medians): get pods 266 → 203 ms, describe
//   279 → 207 ms, version --client 168 → 147 ms.
// - dist/complete.cjs: `ktl __complete`, run on every TAB: the same, without the commands'
//   implementations (completion never runs a command): 74 ms against 82 ms from dist/ktl.cjs.
// - dist/vendor.js: Ink and React, an ES module because Ink's layout engine (yoga) uses
//   top-level await. Only the dashboard loads it (src/dashboard/vendor.ts); the bundles' imports
//   of ink and react read the copy it loaded.
import { build } from 'esbuild';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inkRenderPatches } from './build/ink-render-patches.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const define = {
  KTL_VERSION: JSON.stringify(pkg.version),
  'process.env.NODE_ENV': '"production"',
  'process.env.DEV': '"false"',
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

// In the CommonJS bundles, src/dashboard/vendor.ts becomes a loader of dist/vendor.js, and
// `ink`, `react` and `react/jsx-runtime` read what it loaded.
const VENDOR_SLOT = "Symbol.for('ktl.dashboard.vendor')";
const VENDOR_KEYS = { ink: 'ink', react: 'react', 'react/jsx-runtime': 'jsxRuntime' };
const vendorFromItsOwnFile = {
  name: 'vendor-from-its-own-file',
  setup(build) {
    build.onResolve({ filter: /^(ink|react|react\/jsx-runtime)$/ }, (args) => ({
      path: args.path,
      namespace: 'ktl-vendor-package',
    }));
    build.onLoad({ filter: /.*/, namespace: 'ktl-vendor-package' }, (args) => ({
      contents: `module.exports = Object.assign({ __esModule: true }, globalThis[${VENDOR_SLOT}].${VENDOR_KEYS[args.path]});\n`,
      loader: 'js',
    }));
    // Matched by where the import leads, not how it is written: load-dashboard.ts imports it as
    // './vendor.js' from inside src/dashboard, a verb as '../../dashboard/vendor.js'.
    build.onResolve({ filter: /(^|\/)vendor\.js$/ }, (args) =>
      resolve(args.resolveDir, args.path).endsWith(join('src', 'dashboard', 'vendor.js'))
        ? { path: 'vendor', namespace: 'ktl-vendor-loader' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'ktl-vendor-loader' }, () => ({
      contents: `const { pathToFileURL } = require('node:url');
const { join } = require('node:path');
// bin/ktl compiles this bundle with vm.Script, where import() has no loader: it lends its own.
const importModule = globalThis[Symbol.for('ktl.import')] ?? ((specifier) => import(specifier));
exports.vendorReady = importModule(pathToFileURL(join(__dirname, 'vendor.js')).href).then((loaded) => {
  globalThis[${VENDOR_SLOT}] = loaded.vendor;
});
`,
      loader: 'js',
    }));
  },
};

// What completion reaches: the command tree, config, transport, discovery. The lazy imports of
// the commands' implementations are left out of dist/complete.cjs.
const reachedByCompletion =
  /\/src\/(cli|config|transport|discovery|resources|errors|util)\/|\/src\/runtime\/cluster-factory\.ts|\/src\/commands\/completion\//;
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

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minify: true,
  legalComments: 'none',
  define,
  logLevel: 'warning',
};
const commonJsBundle = {
  ...common,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
};

// Build into a fresh directory and swap it in, so a failed build never leaves dist/ half-empty
// (other processes may be running bin/ktl at the same time).
const dist = new URL('../dist', import.meta.url);
const next = new URL(`../dist.next-${process.pid}`, import.meta.url);
rmSync(next, { recursive: true, force: true });
await build({
  ...commonJsBundle,
  entryPoints: { ktl: 'src/cli/main.ts' },
  outdir: next.pathname,
  plugins: [lazyChildProcessForCommander, vendorFromItsOwnFile],
});
// dist/short.cjs: `version --client` and `config current-context` (src/cli/short-main.ts);
// dist/remote.cjs: the client of commands the agent runs (src/cli/remote-main.ts).
await build({
  ...commonJsBundle,
  entryPoints: { short: 'src/cli/short-main.ts', remote: 'src/cli/remote-main.ts' },
  outdir: next.pathname,
});
// dist/agent.cjs: the user's agent, which holds TLS connections and runs short read commands
// (src/transport/agent/, src/cli/agent-run.ts): every command's code, as dist/ktl.cjs.
await build({
  ...commonJsBundle,
  entryPoints: { agent: 'src/cli/agent-main.ts' },
  outdir: next.pathname,
  plugins: [lazyChildProcessForCommander, vendorFromItsOwnFile],
});
await build({
  ...commonJsBundle,
  entryPoints: { complete: 'src/cli/main.ts' },
  outdir: next.pathname,
  plugins: [leaveOutCommandImplementations, lazyChildProcessForCommander, vendorFromItsOwnFile],
});
await build({
  ...common,
  entryPoints: { vendor: 'src/dashboard/vendor.ts' },
  outdir: next.pathname,
  format: 'esm',
  alias: { 'react-devtools-core': './scripts/build/no-devtools.mjs' },
  banner: {
    js: "import { createRequire as __ktlCreateRequire } from 'node:module'; const require = __ktlCreateRequire(import.meta.url);",
  },
  plugins: [inkRenderPatches],
});
const old = new URL(`../dist.old-${process.pid}`, import.meta.url);
try {
  renameSync(dist, old);
} catch {
  // no previous build
}
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
