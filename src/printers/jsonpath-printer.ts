import { PlainError } from '../errors/errors.js';
import { goSyntax } from './go-fmt.js';
import { JsonPath } from './jsonpath/jsonpath.js';
import { quoteGo } from './jsonpath/go-strings.js';

/** Options of -o jsonpath / jsonpath-as-json. */
export interface JsonPathPrinterOptions {
  /** --allow-missing-template-keys (kubectl's default: true). */
  allowMissingKeys?: boolean;
  /** -o jsonpath-as-json. */
  asJson?: boolean;
}

/** Parses a -o jsonpath template, failing with kubectl's `error parsing jsonpath` message. */
export function compileJsonPath(template: string): JsonPath {
  try {
    return new JsonPath(template);
  } catch (error) {
    throw new PlainError(`error parsing jsonpath ${template}, ${(error as Error).message}\n`);
  }
}

/** kubectl's failure text when a template cannot be executed against `data`. */
export function jsonPathExecutionError(template: string, data: unknown, cause: string): PlainError {
  const details =
    `Error executing template: ${cause}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${template}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${goSyntax(data)}\n\n`;
  return new PlainError(`error executing jsonpath ${quoteGo(template)}: ${details}\n`);
}

/** Renders one object (or a whole List) through a JSONPath template, as kubectl's printer. */
export function renderJsonPath(
  path: JsonPath,
  data: unknown,
  options: JsonPathPrinterOptions = {},
): string {
  const allowMissing = options.allowMissingKeys ?? true;
  try {
    return options.asJson
      ? path.executeAsJson(data, allowMissing)
      : path.execute(data, allowMissing);
  } catch (error) {
    throw jsonPathExecutionError(path.template, data, (error as Error).message);
  }
}
