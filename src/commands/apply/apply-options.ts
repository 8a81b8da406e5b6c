/** What `ktl apply` was asked to do, after flag parsing. */
export interface ApplyOptions {
  filename: string[];
  recursive: boolean;
  dryRun: 'none' | 'client' | 'server';
  serverSide: boolean;
  forceConflicts: boolean;
  fieldManager: string;
  validate: 'strict' | 'warn' | 'ignore';
  output: '' | 'yaml' | 'json' | 'name';
  prune: boolean;
  selector: string;
  pruneAllowlist: string[];
  all: boolean;
  overwrite: boolean;
}

/** The fieldValidation query value for a --validate mode. */
export function fieldValidationOf(validate: ApplyOptions['validate']): string {
  return validate === 'strict' ? 'Strict' : validate === 'warn' ? 'Warn' : 'Ignore';
}

/** The suffix kubectl adds to operation lines under --dry-run. */
export function dryRunSuffix(dryRun: ApplyOptions['dryRun']): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}
