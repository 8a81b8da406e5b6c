import { KubeConfigMissingError, mergeKubeConfigs } from '../../config/kubeconfig-loader.js';
import type { KubeConfig } from '../../config/kubeconfig-types.js';
import type { Factory } from '../../runtime/factory.js';

/**
 * The config the `config` commands start from (kubectl's PathOptions.GetStartingConfig): a
 * --kubeconfig file that does not exist yet reads as empty, so `config set-*` creates it and
 * `config view` shows an empty config, where other commands fail on the missing file.
 */
export async function startingKubeConfig(factory: Factory): Promise<KubeConfig> {
  try {
    return await factory.kubeConfig();
  } catch (error) {
    if (error instanceof KubeConfigMissingError) return mergeKubeConfigs([]);
    throw error;
  }
}
