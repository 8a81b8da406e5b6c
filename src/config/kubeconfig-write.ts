import { readFileSync, statSync } from 'node:fs';
import { writeFileAtomic } from './atomic-write.js';
import { withFileLock } from './file-lock.js';
import {
  defaultKubeConfigPath,
  kubeConfigPaths,
  parseKubeConfigText,
} from './kubeconfig-loader.js';
import { kubeConfigYaml } from './kubeconfig-serialize.js';
import type { KubeConfig, KubeConfigFile } from './kubeconfig-types.js';

/**
 * The file kubectl writes new stanzas and current-context to (clientcmd GetDefaultFilename):
 * --kubeconfig; else the only KUBECONFIG entry, the first existing one, or the last one; else
 * ~/.kube/config.
 */
export function defaultWriteTarget(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (flag) return flag;
  if (!env['KUBECONFIG']) return defaultKubeConfigPath(env);
  const paths = kubeConfigPaths(undefined, env);
  if (paths.length === 1) return paths[0] ?? defaultKubeConfigPath(env);
  const existing = paths.find((p) => {
    try {
      statSync(p);
      return true;
    } catch {
      return false;
    }
  });
  return existing ?? paths[paths.length - 1] ?? defaultKubeConfigPath(env);
}

/** Where a named stanza lives (its origin file), or the default target for a new one. */
export function stanzaTarget(
  config: KubeConfig,
  kind: 'clusters' | 'users' | 'contexts',
  name: string,
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return config[kind].get(name)?.origin || defaultWriteTarget(flag, env);
}

/**
 * Edits one kubeconfig file: under `<file>.lock` the file is read afresh, changed by `apply`
 * and written back atomically in kubectl's format. Reading under the lock means two writers
 * never lose each other's changes; the rename means a reader never sees a torn file.
 */
export async function editKubeConfigFile(
  path: string,
  apply: (file: KubeConfigFile) => void,
): Promise<void> {
  await withFileLock(path, async () => {
    let text: string | undefined;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const file = await parseKubeConfigText(text ?? '', path);
    const before = text === undefined ? await kubeConfigYaml(file) : undefined;
    apply(file);
    const after = await kubeConfigYaml(file);
    // kubectl writes only what changed: an edit that leaves a missing file empty creates nothing
    if (after !== before) writeFileAtomic(path, after);
  });
}
