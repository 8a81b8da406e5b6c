import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadKubeConfig } from '../config/kubeconfig-loader.js';
import { defaultKubercPath, kubercDisabled } from '../config/kuberc.js';
import { KTL_VERSION_STRING } from '../runtime/version-info.js';

/**
 * dist/short.cjs: the two commands that read nothing but ktl itself and the kubeconfig, written
 * exactly as below, without loading the command tree (dist/ktl.cjs is ~1 MB: reading and
 * deserialising it is most of a warm `ktl version --client`). bin/ktl runs it only for these
 * command lines; whatever it declines (a kuberc that could change the command, any error) the
 * full CLI then runs from the start, so output, errors and exit codes are the full CLI's.
 */
export async function runShortCommand(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  out: NodeJS.WritableStream,
): Promise<boolean> {
  if (kubercMayApply(env)) return false;
  const line = args.join(' ');
  if (line === 'version --client' || line === 'version --client=true') {
    out.write(`Client Version: ${KTL_VERSION_STRING}\n`);
    return true;
  }
  if (line === 'config current-context') {
    const current = await currentContext(env);
    if (current === undefined) return false;
    out.write(`${current}\n`);
    return true;
  }
  return false;
}

/** A kuberc's defaults can add flags to any command: then the full CLI reads it. */
function kubercMayApply(env: NodeJS.ProcessEnv): boolean {
  if (kubercDisabled(env) || env['KUBERC'] === 'off') return false;
  try {
    statSync(defaultKubercPath(env));
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

async function currentContext(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  try {
    const cacheRoot = env['KUBECACHEDIR'] || join(env['HOME'] ?? homedir(), '.kube', 'cache');
    const config = await loadKubeConfig(undefined, env, cacheRoot);
    return config.currentContext || undefined;
  } catch {
    return undefined;
  }
}
