import { FlagValueError, PlainError } from '../../errors/errors.js';
import { intProblem } from '../../runtime/flag-values.js';

/** The flags of `ktl get` as commander hands them over. */
export interface GetFlags {
  output?: string;
  selector?: string;
  fieldSelector?: string;
  allNamespaces?: boolean;
  watch?: boolean;
  watchOnly?: boolean;
  outputWatchEvents?: boolean;
  headers?: boolean;
  showLabels?: boolean;
  labelColumns?: string[];
  sortBy?: string;
  chunkSize?: string;
  showKind?: boolean;
  showManagedFields?: boolean;
  ignoreNotFound?: boolean;
  template?: string;
  allowMissingTemplateKeys?: boolean;
  tui?: boolean;
  raw?: string;
  serverPrint?: boolean;
  subresource?: string;
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
}

/** Validated options for a get run. */
export interface GetOptions {
  output: string;
  labelSelector: string;
  fieldSelector: string;
  allNamespaces: boolean;
  watch: boolean;
  watchOnly: boolean;
  outputWatchEvents: boolean;
  noHeaders: boolean;
  showLabels: boolean;
  labelColumns: string[];
  sortBy: string;
  chunkSize: number;
  showKind: boolean;
  showManagedFields: boolean;
  ignoreNotFound: boolean;
  template: string;
  allowMissingTemplateKeys: boolean;
  tui: boolean;
  /**
   * Ask the server for Tables (--server-print, on by default); without it, tables are kubectl's
   * own NAME and AGE. Only matters to the table formats.
   */
  serverPrint: boolean;
  /** --subresource: named objects are read at NAME/SUBRESOURCE (status, scale...). */
  subresource: string;
  /** -f inputs naming the objects to get. */
  filenames: string[];
  kustomize?: string;
  recursive: boolean;
}

/** Checks and normalises get's flags (kubectl's GetOptions.Complete and Validate). */
export function getOptionsFrom(flags: GetFlags, commandPath = 'ktl get'): GetOptions {
  const chunkSize = Number(flags.chunkSize ?? '500');
  if (!Number.isInteger(chunkSize) || chunkSize < 0) {
    const value = flags.chunkSize ?? '';
    throw new FlagValueError('--chunk-size', value, intProblem(value), commandPath);
  }
  // kubectl: --template without -o means go-template.
  const output = flags.output ?? (flags.template ? 'go-template' : '');
  const labelColumns = (flags.labelColumns ?? []).flatMap((l) => l.split(',')).filter(Boolean);
  if (flags.showLabels && output !== '' && output !== 'wide') {
    throw new PlainError(`--show-labels option cannot be used with ${output} printer`);
  }
  if (flags.outputWatchEvents && !(flags.watch || flags.watchOnly)) {
    throw new PlainError(
      '--output-watch-events option can only be used with --watch or --watch-only',
    );
  }
  return {
    output,
    labelSelector: flags.selector ?? '',
    fieldSelector: flags.fieldSelector ?? '',
    allNamespaces: flags.allNamespaces === true,
    watch: flags.watch === true || flags.watchOnly === true,
    watchOnly: flags.watchOnly === true,
    outputWatchEvents: flags.outputWatchEvents === true,
    noHeaders: flags.headers === false,
    showLabels: flags.showLabels === true,
    labelColumns,
    sortBy: flags.sortBy ?? '',
    chunkSize,
    showKind: flags.showKind === true,
    showManagedFields: flags.showManagedFields === true,
    ignoreNotFound: flags.ignoreNotFound === true,
    template: flags.template ?? '',
    allowMissingTemplateKeys: flags.allowMissingTemplateKeys !== false,
    tui: flags.tui === true,
    serverPrint: flags.serverPrint !== false,
    subresource: flags.subresource ?? '',
    filenames: flags.filename ?? [],
    ...(flags.kustomize !== undefined ? { kustomize: flags.kustomize } : {}),
    recursive: flags.recursive === true,
  };
}

/** Whether an output format is kubectl's human-readable table. */
export function isTableOutput(output: string): boolean {
  return output === '' || output === 'wide';
}
