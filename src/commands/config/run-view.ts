import { kubeConfigJson, toV1Object } from '../../config/kubeconfig-serialize.js';
import { resourceName } from '../../printers/name-printer.js';
import type { PrintFlagValues } from '../../runtime/template-output.js';
import { effectiveOutput, templatePrinter } from '../../runtime/template-output.js';
import { goJson } from '../../util/go-json.js';
import { documentOf, flatten, minify, redactSecrets } from '../../config/kubeconfig-view.js';
import { toKubectlYamlSync } from '../../printers/yaml-text.js';
import type { Factory } from '../../runtime/factory.js';
import { startingKubeConfig } from './starting-config.js';

/** `config view`: the merged kubeconfig, secrets hidden unless --raw (kubectl's output, byte for byte). */
export async function runView(
  factory: Factory,
  _args: string[],
  opts: Record<string, unknown>,
): Promise<void> {
  const flags = printFlagsOf(opts);
  const output = effectiveOutput(flags) || 'yaml';
  const template = templatePrinter(flags, (text) => factory.streams.out.write(text), goJson);
  const doc = documentOf(await startingKubeConfig(factory));
  if (opts['minify'] === true) {
    if (factory.flags.context) doc.currentContext = factory.flags.context;
    minify(doc);
  }
  if (opts['flatten'] === true) flatten(doc);
  else if (opts['raw'] !== true) redactSecrets(doc);
  if (template) template.single(toV1Object(doc));
  else if (output === 'name') factory.streams.out.write(`${resourceName(toV1Object(doc))}\n`);
  // The printers' go-yaml emitter, as every -o yaml: the `yaml` package's stringify spent 4 s
  // of CPU on a 10 MB kubeconfig (kubectl: under 2 s for the whole command).
  else
    factory.streams.out.write(
      output === 'json' ? kubeConfigJson(doc) : toKubectlYamlSync(toV1Object(doc)),
    );
}

/** The print flags' values among commander's options. */
function printFlagsOf(opts: Record<string, unknown>): PrintFlagValues {
  const text = (key: string): string | undefined =>
    typeof opts[key] === 'string' ? opts[key] : undefined;
  const flags: PrintFlagValues = {};
  const output = text('output');
  const template = text('template');
  const allowMissing = opts['allowMissingTemplateKeys'];
  if (output !== undefined) flags.output = output;
  if (template !== undefined) flags.template = template;
  if (typeof allowMissing === 'string' || typeof allowMissing === 'boolean')
    flags.allowMissingTemplateKeys = allowMissing;
  return flags;
}
