import { takeDeferredExtraCaCertificates } from './extra-ca-env.js';
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

void main();
