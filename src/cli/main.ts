import { deferExtraCaCertificates } from '../transport/deferred-ca.js';
import { runCli } from './run.js';

/** The process entry point: the only place that exits. */
async function main(): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
  });
  takeDeferredExtraCaCertificates(process.env);
  const code = await runCli(process.argv.slice(2), {
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
  process.exitCode = code;
  // Flush stdout/stderr before exiting: process.exit() can truncate piped output.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
}

/**
 * The completion scripts start ktl with NODE_EXTRA_CA_CERTS moved to KTL_NODE_EXTRA_CA_CERTS
 * (see transport/deferred-ca.ts): the transport adds those CAs itself, and the variable goes
 * back for the programs ktl starts (exec credential plugins, editors).
 */
function takeDeferredExtraCaCertificates(env: NodeJS.ProcessEnv): void {
  const file = env['KTL_NODE_EXTRA_CA_CERTS'];
  if (file === undefined) return;
  delete env['KTL_NODE_EXTRA_CA_CERTS'];
  if (!file || env['NODE_EXTRA_CA_CERTS']) return;
  deferExtraCaCertificates(file);
  env['NODE_EXTRA_CA_CERTS'] = file;
}

void main();
