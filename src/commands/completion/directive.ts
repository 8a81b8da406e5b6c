/** cobra's ShellCompDirective bits, which the completion scripts act on. */
export const Directive = {
  Default: 0,
  Error: 1,
  NoSpace: 2,
  NoFileComp: 4,
  FilterFileExt: 8,
  FilterDirs: 16,
  KeepOrder: 32,
} as const;

const NAMES: Array<[number, string]> = [
  [Directive.Error, 'ShellCompDirectiveError'],
  [Directive.NoSpace, 'ShellCompDirectiveNoSpace'],
  [Directive.NoFileComp, 'ShellCompDirectiveNoFileComp'],
  [Directive.FilterFileExt, 'ShellCompDirectiveFilterFileExt'],
  [Directive.FilterDirs, 'ShellCompDirectiveFilterDirs'],
  [Directive.KeepOrder, 'ShellCompDirectiveKeepOrder'],
];

/** The names cobra prints on stderr (`Completion ended with directive: ...`). */
export function directiveNames(directive: number): string {
  if (directive === 0) return 'ShellCompDirectiveDefault';
  return NAMES.filter(([bit]) => (directive & bit) !== 0)
    .map(([, name]) => name)
    .join(', ');
}

/** One completion candidate and its optional description. */
export interface Candidate {
  value: string;
  description?: string;
}

/** The answer to one `__complete` request. */
export interface Completion {
  candidates: Candidate[];
  directive: number;
}

/** Writes an answer in cobra's protocol. */
export function renderCompletion(completion: Completion, withDescriptions: boolean): string {
  const lines = completion.candidates.map((c) =>
    withDescriptions && c.description ? `${c.value}\t${firstLine(c.description)}` : c.value,
  );
  return `${[...lines, `:${completion.directive}`].join('\n')}\n`;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
