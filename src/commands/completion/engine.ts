import type { Command } from 'commander';
import { walkCommandLine } from './command-walk.js';
import type { Candidate, Completion } from './directive.js';
import { Directive } from './directive.js';
import { flagCandidates, subcommandCandidates } from './flag-candidates.js';
import type { CompletionSources } from './sources.js';

const OUTPUT_FORMATS = [
  'json',
  'yaml',
  'name',
  'go-template',
  'go-template-file',
  'template',
  'templatefile',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'custom-columns',
  'custom-columns-file',
  'wide',
];

/** Commands whose arguments are `TYPE [NAME...]` or `TYPE/NAME...`. */
const RESOURCE_COMMANDS = new Set([
  'get',
  'describe',
  'delete',
  'edit',
  'label',
  'annotate',
  'patch',
  'scale',
  'wait',
  'explain',
  'rollout history',
  'rollout status',
  'rollout undo',
  'rollout restart',
  'rollout pause',
  'rollout resume',
]);
/** Commands whose first argument is a pod. */
const POD_COMMANDS = new Set(['logs', 'exec', 'attach', 'port-forward', 'cp']);
const CONTEXT_COMMANDS = new Set([
  'config use-context',
  'config delete-context',
  'config rename-context',
  'config set-context',
  'config use',
]);

/** Makes the factory-backed sources for the flags typed so far. */
export type SourcesFor = (flags: Record<string, unknown>) => CompletionSources;

/** Answers a `__complete` request: `words` are the arguments typed so far, `partial` the word being completed. */
export async function complete(
  root: Command,
  words: string[],
  partial: string,
  sourcesFor: SourcesFor,
): Promise<Completion> {
  const walk = walkCommandLine(root, words);
  const sources = sourcesFor(walk.flags);
  if (walk.pendingFlag)
    return flagValues(walk.pendingFlag.long ?? '', partial, '', sources, walk.positionals);
  if (partial.startsWith('-')) {
    const eq = partial.indexOf('=');
    if (eq > 0)
      return flagValues(
        partial.slice(0, eq),
        partial.slice(eq + 1),
        partial.slice(0, eq + 1),
        sources,
        walk.positionals,
      );
    return { candidates: flagCandidates(walk.command, partial), directive: Directive.NoFileComp };
  }
  if (walk.command.commands.length > 0 && walk.positionals.length === 0) {
    return {
      candidates: subcommandCandidates(walk.command, partial),
      directive: Directive.NoFileComp,
    };
  }
  return positionalValues(pathOf(walk.command), walk.positionals, partial, sources);
}

function pathOf(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

async function flagValues(
  flag: string,
  partial: string,
  prefix: string,
  sources: CompletionSources,
  positionals: string[],
): Promise<Completion> {
  let values: string[] | undefined;
  switch (flag) {
    case '--output':
    case '-o':
      values = OUTPUT_FORMATS;
      break;
    case '--namespace':
    case '-n':
      values = await sources.namespaces();
      break;
    case '--context':
      values = await sources.contexts();
      break;
    case '--cluster':
      values = await sources.clusters();
      break;
    case '--user':
      values = await sources.users();
      break;
    case '--container':
    case '-c': {
      const pod = positionals[0]?.replace(/^(pods?|po)\//, '');
      values = pod && !pod.includes('/') ? await sources.containers(pod).catch(() => []) : [];
      break;
    }
    case '--filename':
    case '-f':
      return {
        candidates: ['json', 'yaml', 'yml'].map((value) => ({ value })),
        directive: Directive.FilterFileExt,
      };
    case '--kubeconfig':
    case '--certificate-authority':
    case '--client-certificate':
    case '--client-key':
      return { candidates: [], directive: Directive.Default };
    default:
      return { candidates: [], directive: Directive.NoFileComp };
  }
  return {
    candidates: filtered(values, partial).map((v) => ({ value: prefix + v })),
    directive: Directive.NoFileComp,
  };
}

async function positionalValues(
  path: string,
  positionals: string[],
  partial: string,
  sources: CompletionSources,
): Promise<Completion> {
  const noFiles = (candidates: Candidate[], extra = 0): Completion => ({
    candidates,
    directive: Directive.NoFileComp | extra,
  });
  if (path === 'completion')
    return noFiles(
      filtered(['bash', 'zsh', 'fish', 'powershell'], partial).map((value) => ({ value })),
    );
  if (CONTEXT_COMMANDS.has(path) && positionals.length === 0)
    return noFiles(filtered(await sources.contexts(), partial).map((value) => ({ value })));
  if (POD_COMMANDS.has(path) && positionals.length === 0)
    return noFiles(await podCandidates(partial, sources));
  if (path === 'explain') {
    return positionals.length === 0
      ? noFiles(filtered(await sources.resourceTypes(), partial).map((value) => ({ value })))
      : noFiles([]);
  }
  if (RESOURCE_COMMANDS.has(path))
    return noFiles(await resourceCandidates(positionals, partial, sources));
  return noFiles([]);
}

async function podCandidates(partial: string, sources: CompletionSources): Promise<Candidate[]> {
  const slash = partial.indexOf('/');
  if (slash > 0) return typedNames(partial.slice(0, slash), partial, [], sources);
  return filtered(await sources.resourceNames('pods'), partial).map((value) => ({ value }));
}

async function resourceCandidates(
  positionals: string[],
  partial: string,
  sources: CompletionSources,
): Promise<Candidate[]> {
  const first = positionals[0];
  const slash = partial.indexOf('/');
  if (first === undefined || first.includes('/')) {
    if (slash > 0) return typedNames(partial.slice(0, slash), partial, positionals, sources);
    if (first !== undefined) return [];
    return filtered(await sources.resourceTypes(), partial).map((value) => ({ value }));
  }
  if (first.includes(',')) return [];
  const given = new Set(positionals.slice(1));
  const names = await sources.resourceNames(first);
  return filtered(names, partial)
    .filter((n) => !given.has(n))
    .map((value) => ({ value }));
}

async function typedNames(
  type: string,
  partial: string,
  positionals: string[],
  sources: CompletionSources,
): Promise<Candidate[]> {
  const given = new Set(positionals);
  const names = await sources.resourceNames(type);
  return filtered(
    names.map((n) => `${type}/${n}`),
    partial,
  )
    .filter((n) => !given.has(n))
    .map((value) => ({ value }));
}

function filtered(values: readonly string[], partial: string): string[] {
  return values.filter((v) => v.startsWith(partial));
}
