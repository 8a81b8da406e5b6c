import { TemplateState } from './exec.js';
import { TEMPLATE_FUNCS } from './funcs.js';
import type { TemplateSet } from './parser.js';
import { parseTemplate } from './parser.js';

export { TemplateExecError } from './exec.js';
export { TemplateParseError } from './parser.js';

/** Options of one execution. */
export interface GoTemplateRun {
  /** Go's missingkey=error (kubectl: --allow-missing-template-keys=false). */
  missingKeyError?: boolean;
  /** Receives output as it is produced (partial output stays written on failure). */
  write: (text: string) => void;
}

/**
 * A Go text/template with kubectl's function set: fields, variables, pipelines, if / with /
 * range (else, break, continue), define / template / block, and the builtins plus `exists`
 * and `base64decode`. Errors carry Go's messages.
 */
export class GoTemplate {
  readonly text: string;
  private readonly templates: TemplateSet;

  /** Parses `text`; throws TemplateParseError (`template: output:1: ...`). */
  constructor(
    text: string,
    private readonly name = 'output',
  ) {
    this.text = text;
    this.templates = parseTemplate(text, name, (fn) => fn in TEMPLATE_FUNCS);
  }

  /** Executes over `data`; throws TemplateExecError after writing what was produced. */
  execute(data: unknown, run: GoTemplateRun): void {
    const root = this.templates.get(this.name);
    const state = new TemplateState(
      {
        name: this.name,
        text: this.text,
        templates: this.templates,
        funcs: TEMPLATE_FUNCS,
        missingKeyError: run.missingKeyError === true,
        write: run.write,
      },
      data,
    );
    if (root) state.run(root);
  }

  /** Executes and returns the text (throws like execute). */
  render(data: unknown, missingKeyError = false): string {
    let out = '';
    this.execute(data, { missingKeyError, write: (t) => (out += t) });
    return out;
  }
}
