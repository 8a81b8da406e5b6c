import { Command } from 'commander';
import { UsageError } from '../../errors/errors.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { bashScript } from './script-bash.js';
import { fishScript } from './script-fish.js';
import { powershellScript } from './script-powershell.js';
import { zshScript } from './script-zsh.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { withHelp } from '../../runtime/command-help.js';

const SCRIPTS: Record<string, (prog: string) => string> = {
  bash: bashScript,
  zsh: zshScript,
  fish: fishScript,
  powershell: powershellScript,
};

/** The completion script for a shell. */
export function completionScript(shell: string, prog = 'ktl'): string {
  const make = SCRIPTS[shell];
  if (!make) throw new UsageError(`Unsupported shell type "${shell}".`, 'ktl completion');
  return make(prog);
}

/** How each shell loads the script. */
const HELP: CommandHelp = {
  example: `# bash (needs the bash-completion package for the best results)
source <(ktl completion bash)            # in ~/.bashrc
# zsh
source <(ktl completion zsh)             # in ~/.zshrc, after compinit
# fish
ktl completion fish | source             # in ~/.config/fish/config.fish
# PowerShell
ktl completion powershell | Out-String | Invoke-Expression`,
  usage: 'SHELL',
};

/** `ktl completion SHELL`: prints the shell completion script. */
export function newCompletionCommand(context: CommandContext): Command {
  return withHelp(
    new Command('completion')
      .description(
        'Output shell completion code for the specified shell (bash, zsh, fish, or powershell).',
      )
      .argument('[shell]', 'bash, zsh, fish or powershell')
      .action((shell: string | undefined) => {
        if (!shell) throw new UsageError('Shell not specified.', 'ktl completion');
        context.streams.out.write(completionScript(shell));
      }),
    HELP,
  );
}
