import { PlainError } from '../errors/errors.js';

/** A parsed `-o` value. */
export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'json' }
  | { kind: 'yaml' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; asJson: boolean; fromFile: boolean }
  | { kind: 'go-template'; template: string; fromFile: boolean }
  | { kind: 'custom-columns'; spec: string; fromFile: boolean };

const ALLOWED =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,' +
  'jsonpath-file,name,template,templatefile,wide,yaml';

const TEMPLATE_FORMATS: Record<
  string,
  { kind: 'jsonpath' | 'go-template'; asJson?: boolean; fromFile: boolean }
> = {
  jsonpath: { kind: 'jsonpath', fromFile: false },
  'jsonpath-file': { kind: 'jsonpath', fromFile: true },
  'jsonpath-as-json': { kind: 'jsonpath', asJson: true, fromFile: false },
  'go-template': { kind: 'go-template', fromFile: false },
  'go-template-file': { kind: 'go-template', fromFile: true },
  template: { kind: 'go-template', fromFile: false },
  templatefile: { kind: 'go-template', fromFile: true },
};

/**
 * Reads `-o` (and `--template`) as kubectl does: `jsonpath=T` or `-o jsonpath --template=T`;
 * `--template` alone implies go-template; json, yaml and name in any case. Errors use kubectl's words. For *-file formats the
 * template is the file's path: the caller reads it.
 */
export function parseOutputFormat(output: string | undefined, templateFlag?: string): OutputFormat {
  let value = output ?? '';
  if (value === '' && templateFlag) value = 'go-template';
  if (value === '' || value === 'wide') return { kind: 'table', wide: value === 'wide' };
  const lower = value.toLowerCase();
  if (lower === 'json' || lower === 'yaml' || lower === 'name') return { kind: lower };
  const at = value.indexOf('=');
  const name = at < 0 ? value : value.slice(0, at);
  const argument = at < 0 ? (templateFlag ?? '') : value.slice(at + 1);
  if (name === 'custom-columns' || name === 'custom-columns-file') {
    if (argument === '')
      throw new PlainError('custom-columns format specified but no custom columns given');
    return { kind: 'custom-columns', spec: argument, fromFile: name === 'custom-columns-file' };
  }
  const template = TEMPLATE_FORMATS[name];
  if (!template)
    throw new PlainError(
      `unable to match a printer suitable for the output format "${value}", allowed formats are: ${ALLOWED}`,
    );
  if (argument === '') throw new PlainError('template format specified but no template given');
  if (template.kind === 'jsonpath')
    return {
      kind: 'jsonpath',
      template: argument,
      asJson: template.asJson === true,
      fromFile: template.fromFile,
    };
  return { kind: 'go-template', template: argument, fromFile: template.fromFile };
}
