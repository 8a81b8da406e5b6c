import { spawn } from 'node:child_process';
import type { ExecConfig } from '../../config/kubeconfig-types.js';

const INSTALL_HINT_HELP = `

It looks like you are trying to use a client-go credential plugin that is not installed.

To learn more about this feature, consult the documentation available at:
      https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins`;

/** How to run one plugin invocation. */
export interface ExecRunOptions {
  exec: ExecConfig;
  execInfo: string;
  interactive: boolean;
  env: NodeJS.ProcessEnv;
}

/**
 * Runs the plugin and returns its stdout. Its stderr passes through; stdin is given only in
 * interactive mode. Failures carry client-go's wording.
 */
export function runExecPlugin(options: ExecRunOptions): Promise<string> {
  const { exec } = options;
  const env: NodeJS.ProcessEnv = { ...options.env };
  for (const variable of exec.env ?? []) env[variable.name] = variable.value;
  env['KUBERNETES_EXEC_INFO'] = options.execInfo;
  return new Promise((resolve, reject) => {
    const child = spawn(exec.command, exec.args ?? [], {
      env,
      stdio: [options.interactive ? 'inherit' : 'ignore', 'pipe', 'inherit'],
    });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') reject(notFound(exec));
      else if (error.code === 'EACCES')
        reject(new Error(`exec: fork/exec ${exec.command}: permission denied`));
      else reject(new Error(`exec: ${error.message}`));
    });
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(chunks).toString('utf8'));
      else
        reject(new Error(`exec: executable ${exec.command} failed with exit code ${code ?? -1}`));
    });
  });
}

function notFound(exec: ExecConfig): Error {
  let message = `exec: executable ${exec.command} not found${INSTALL_HINT_HELP}`;
  if (exec.installHint) message += `\n\n${exec.installHint}`;
  return new Error(message);
}
