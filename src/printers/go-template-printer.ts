import { PlainError } from '../errors/errors.js';
import { goSprint } from './go-fmt.js';
import { GoTemplate, TemplateExecError } from './go-template/go-template.js';
import { quoteGo } from './jsonpath/go-strings.js';
import { toGoJson } from './json-text.js';

/** Parses a -o go-template, failing with kubectl's `error parsing template` message. */
export function compileGoTemplate(template: string): GoTemplate {
  try {
    return new GoTemplate(template);
  } catch (error) {
    throw new PlainError(`error parsing template ${template}, ${(error as Error).message}`);
  }
}

/**
 * Prints one object (or a whole List) through a go-template as kubectl's GoTemplatePrinter:
 * output streams to `write`; on failure the partial output stays, kubectl's debugging dump
 * follows on the same stream, and the error says `error executing template "...": ...`.
 * `rawJson` writes the dump's raw data (a typed object's keys come in Go struct order).
 */
export function printGoTemplate(
  template: GoTemplate,
  object: unknown,
  write: (text: string) => void,
  allowMissingKeys = true,
  rawJson: (value: unknown) => string = toGoJson,
): void {
  const raw = rawJson(object);
  const data: unknown = JSON.parse(JSON.stringify(object ?? null));
  try {
    template.execute(data, { missingKeyError: !allowMissingKeys, write });
  } catch (error) {
    if (!(error instanceof TemplateExecError)) throw error;
    write(
      `Error executing template: ${error.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${template.text}\n` +
        `\traw data was:\n\t\t${raw}\n` +
        `\tobject given to template engine was:\n\t\t${goSprint(data)}\n\n`,
    );
    throw new PlainError(`error executing template ${quoteGo(template.text)}: ${error.message}`);
  }
}
