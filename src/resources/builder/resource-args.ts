/**
 * The positional resource arguments (builder.go's ResourceTypeOrNameArgs), split before any
 * mapping: `TYPE[,TYPE...] [NAME...]` or `TYPE/NAME...`, never both.
 */
import { mixedResourceForms, resourceNameFormIncomplete } from './arg-errors.js';

/** What the arguments ask for. */
export type ResourceArgs =
  | { form: 'types'; types: string; names: string[] }
  | { form: 'typeNames'; pairs: Array<{ type: string; name: string }> };

/** Splits the arguments, refusing `TYPE TYPE/NAME` and `TYPE/` as kubectl's builder does. */
export function splitResourceArgs(args: readonly string[]): ResourceArgs {
  if (args.some((a) => a.includes('/'))) {
    if (!args.every((a) => a.includes('/'))) throw mixedResourceForms();
    return {
      form: 'typeNames',
      pairs: args.map((arg) => {
        const slash = arg.indexOf('/');
        const name = arg.slice(slash + 1);
        if (name === '') throw resourceNameFormIncomplete();
        return { type: arg.slice(0, slash), name };
      }),
    };
  }
  const [types = '', ...names] = args;
  return { form: 'types', types, names };
}
