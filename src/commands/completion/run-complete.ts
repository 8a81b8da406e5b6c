import type { Command } from 'commander';
import type { IOStreams } from '../../util/io-streams.js';
import type { Completion } from './directive.js';
import { Directive, directiveNames, renderCompletion } from './directive.js';
import { complete } from './engine.js';
import { completePluginLine, pluginNameCandidates } from './plugin-complete.js';
import type { SourcesFor } from './engine.js';

/**
 * The hidden `__complete` / `__completeNoDesc` commands: `args` are the words after it, the
 * last being the one to complete. Never fails: a problem ends with the Error directive.
 */
export async function runComplete(
  root: Command,
  args: string[],
  withDescriptions: boolean,
  streams: IOStreams,
  sourcesFor: SourcesFor,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const words = args.slice(0, -1);
  const partial = args.at(-1) ?? '';
  let completion: Completion;
  try {
    completion =
      (await completePluginLine(root, words, partial, env)) ??
      withPluginNames(await complete(root, words, partial, sourcesFor), root, words, partial, env);
  } catch (error) {
    streams.err.write(
      `completion failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    completion = { candidates: [], directive: Directive.Error };
  }
  streams.out.write(renderCompletion(completion, withDescriptions));
  streams.err.write(`Completion ended with directive: ${directiveNames(completion.directive)}\n`);
}

/** Completing the command name itself offers the plugins' names too, as kubectl does. */
function withPluginNames(
  completion: Completion,
  root: Command,
  words: readonly string[],
  partial: string,
  env: NodeJS.ProcessEnv,
): Completion {
  if (words.length > 0 || partial.startsWith('-')) return completion;
  const plugins = pluginNameCandidates(root, partial, env);
  return { ...completion, candidates: [...completion.candidates, ...plugins] };
}
