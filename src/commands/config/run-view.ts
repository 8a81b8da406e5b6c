import { PlainError } from '../../errors/errors.js';
import { kubeConfigJson, kubeConfigYaml } from '../../config/kubeconfig-serialize.js';
import { documentOf, flatten, minify, redactSecrets } from '../../config/kubeconfig-view.js';
import type { Factory } from '../../runtime/factory.js';
import { startingKubeConfig } from './starting-config.js';

const FORMATS =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** `config view`: the merged kubeconfig, secrets hidden unless --raw (kubectl's output, byte for byte). */
export async function runView(
  factory: Factory,
  _args: string[],
  opts: Record<string, unknown>,
): Promise<void> {
  const output = typeof opts['output'] === 'string' ? opts['output'] : 'yaml';
  if (output !== 'yaml' && output !== 'json') {
    throw new PlainError(
      `unable to match a printer suitable for the output format "${output}", allowed formats are: ${FORMATS}`,
    );
  }
  const doc = documentOf(await startingKubeConfig(factory));
  if (opts['minify'] === true) {
    if (factory.flags.context) doc.currentContext = factory.flags.context;
    minify(doc);
  }
  if (opts['flatten'] === true) flatten(doc);
  else if (opts['raw'] !== true) redactSecrets(doc);
  factory.streams.out.write(output === 'json' ? kubeConfigJson(doc) : await kubeConfigYaml(doc));
}
