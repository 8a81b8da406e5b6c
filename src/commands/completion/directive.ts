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

/** A completion program's output: candidate lines (value, tab, description) and `:<directive>`. */
export function parsePluginCompletion(stdout: string): Completion {
  const lines = stdout.split('\n').filter((line) => line.length > 0);
  let directive: number = Directive.Default;
  const last = lines.at(-1);
  if (last !== undefined && last.length > 1 && last.startsWith(':') && /^:-?\d+$/.test(last)) {
    directive = Number(last.slice(1));
    lines.pop();
  }
  // cobra trims each line it prints (a trailing tab or space included)
  const candidates = lines.map((untrimmed) => {
    const line = untrimmed.trim();
    const tab = line.indexOf('\t');
    return tab < 0
      ? { value: line }
      : { value: line.slice(0, tab), description: line.slice(tab + 1) };
  });
  return { candidates, directive };
}
