import { PlainError } from '../../errors/errors.js';
import { kubeConfigJson, toV1Object } from '../../config/kubeconfig-serialize.js';
import { documentOf, flatten, minify, redactSecrets } from '../../config/kubeconfig-view.js';
import { toKubectlYamlSync } from '../../printers/yaml-text.js';
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
  // The printers' go-yaml emitter, as every -o yaml: the `yaml` package's stringify spent 4 s
  // of CPU on a 10 MB kubeconfig (kubectl: under 2 s for the whole command).
  factory.streams.out.write(
    output === 'json' ? kubeConfigJson(doc) : toKubectlYamlSync(toV1Object(doc)),
  );
}
