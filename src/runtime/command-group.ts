import type { Command } from 'commander';
import { SilentExit, UsageError } from '../errors/errors.js';
import type { IOStreams } from '../util/io-streams.js';
import { commandPathOf } from './command-context.js';

/**
 * What a group command does when run without a subcommand, as kubectl's groups do:
 * - `stderr`: cmdutil.DefaultSubCommandRun(ErrOut) (config, set, auth, top, create secret, ...):
 *   an extra word is `unknown command "WORDS"` (a usage error), else the help on stderr, exit 1;
 * - `stdout`: the same with the help on stdout (rollout: DefaultSubCommandRun(Out));
 * - `help`: a plain cmd.Help() (certificate): the help on stdout, exit 0, whatever the words.
 */
export type GroupRun = 'stderr' | 'stdout' | 'help';

/** Gives a group command kubectl's Run for a bare or unknown subcommand; returns the group. */
export function asCommandGroup(group: Command, streams: IOStreams, run: GroupRun): Command {
  return group.argument('[words...]').action((words: string[], _flags: object, self: Command) => {
    if (run !== 'help' && words.length > 0)
      throw new UsageError(`unknown command "${words.join(' ')}"`, commandPathOf(self));
    const text = self.helpInformation();
    if (run === 'stderr') streams.err.write(text);
    else streams.out.write(text);
    if (run !== 'help') throw new SilentExit(1);
  });
}
