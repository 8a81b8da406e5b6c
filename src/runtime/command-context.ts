import type { Command } from 'commander';
import type { IOStreams } from '../util/io-streams.js';
import { ClusterFactory } from './cluster-factory.js';
import type { Factory } from './factory.js';
import { configFlagsFrom } from './global-flags.js';

/** What every command is built with: the streams and a way to get its Factory. */
export interface CommandContext {
  streams: IOStreams;
  env: NodeJS.ProcessEnv;
  /** Factories made so far, closed by the cli layer when the command ends. */
  factories: Factory[];
}

/**
 * The Factory for a command invocation, from its global flags; `shadowed` names global flags
 * the command declares itself (set subject's --user), which then say nothing about the client.
 */
export function factoryFor(
  context: CommandContext,
  command: Command,
  shadowed: readonly string[] = [],
): Factory {
  const options = { ...command.optsWithGlobals() };
  for (const key of shadowed) delete options[key];
  const flags = configFlagsFrom(options);
  const factory = new ClusterFactory(flags, context.streams, commandPathOf(command), context.env);
  context.factories.push(factory);
  return factory;
}

/** "ktl get" style path of a command, as kubectl puts in its Kubectl-Command header and usage errors. */
export function commandPathOf(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current; current = current.parent)
    names.unshift(current.name());
  return names.join(' ');
}
