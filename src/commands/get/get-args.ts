import { PlainError, UsageError } from '../../errors/errors.js';

/** What the positional arguments of `get` ask for. */
export type GetTarget =
  | { form: 'types'; types: string; names: string[] }
  | { form: 'typeNames'; pairs: Array<{ type: string; name: string }> };

const NO_TYPE_MESSAGE =
  'You must specify the type of resource to get. Use "ktl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "ktl explain <resource>" for a detailed description of that resource (e.g. ktl explain pods).';

/** The error kubectl prints for `get` without a type (its first line has no "error:" prefix). */
export class MissingResourceTypeError extends UsageError {
  constructor() {
    super(NO_TYPE_MESSAGE, 'ktl get', '');
  }
}

/** Splits `TYPE[,TYPE] [NAME...]` or `TYPE/NAME...` as kubectl's resource builder does. */
export function parseGetArgs(args: readonly string[]): GetTarget {
  if (args.length === 0) throw new MissingResourceTypeError();
  if (args.some((a) => a.includes('/'))) {
    if (!args.every((a) => a.includes('/'))) {
      throw new PlainError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'ktl get resource/<resource_name>' instead of 'ktl get resource resource/<resource_name>'",
      );
    }
    return {
      form: 'typeNames',
      pairs: args.map((a) => {
        const slash = a.indexOf('/');
        const name = a.slice(slash + 1);
        if (name === '')
          throw new PlainError(
            `arguments in resource/name form must have a single resource and name`,
          );
        return { type: a.slice(0, slash), name };
      }),
    };
  }
  const [types = '', ...names] = args;
  return { form: 'types', types, names };
}
