import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import type { OutputStream } from '../../util/io-streams.js';
import { renderCommandHelp, renderGlobalOptions } from './render-help.js';
import { renderRootHelp } from './root-help.js';

/** kubectl wraps flag descriptions only when stdout is a terminal (to its width). */
export function helpWidthOf(out: OutputStream): number | undefined {
  return out.isTTY === true && out.columns ? out.columns : undefined;
}

/** Every command's help (root, groups, leaves) printed in kubectl's layout; width wraps flags. */
export function installHelpLayout(root: Command, width?: number): void {
  const visit = (command: Command): void => {
    command.configureHelp({
      formatHelp: (cmd) => (cmd.parent ? renderCommandHelp(cmd, width) : renderRootHelp(cmd)),
    });
    for (const sub of command.commands) visit(sub);
  };
  visit(root);
}

/** `ktl options`: prints the global flags (those on the root) as kubectl's `options` does. */
export function newOptionsCommand(context: CommandContext): Command {
  return new Command('options')
    .description('Print the list of flags inherited by all commands')
    .action((_opts: object, command: Command) => {
      const root = command.parent ?? command;
      context.streams.out.write(renderGlobalOptions(root, helpWidthOf(context.streams.out)));
    });
}
