import type { Command, Option } from 'commander';

/** What kubectl's help shows beyond commander's one-line description. */
export interface CommandHelp {
  /** The long description, as kubectl prints it (paragraphs after the first start with a space). */
  long?: string;
  /** Examples without indentation: `# what it does` lines, each followed by a `ktl ...` line. */
  example?: string;
  /** The usage line after `ktl <path> `, before ` [options]` (e.g. `scale --replicas=COUNT ...`). */
  usage?: string;
  /** pflag defaults the options' own definitions do not say (see flagDefaults). */
  defaults?: Readonly<Record<string, FlagDefault>>;
  /**
   * Flags the command's action parses itself rather than declaring them (a group such as
   * `create`, whose declared flags commander would take from its subcommands): help lists them.
   */
  selfParsedOptions?: readonly Option[];
}

/** A pflag default as the Options list prints it after `=` (e.g. `0s`, `'none'`, `[]`). */
export interface FlagDefault {
  readonly text: string;
}

const helpByCommand = new WeakMap<Command, CommandHelp>();
const defaultByOption = new WeakMap<Option, FlagDefault>();

/** Records the long description, examples and usage line of a command; returns the command. */
export function withHelp(command: Command, help: CommandHelp): Command {
  const { defaults, ...texts } = help;
  helpByCommand.set(command, { ...helpByCommand.get(command), ...texts });
  return defaults ? flagDefaults(command, defaults) : command;
}

/** The help of a group's subcommands, each by its path under the group (`['secret', 'generic']`). */
export type SubcommandHelp = ReadonlyArray<readonly [readonly string[], CommandHelp]>;

/** Records the help of a group and of its subcommands; returns the group. */
export function withGroupHelp(
  group: Command,
  help: CommandHelp,
  subcommands: SubcommandHelp,
): Command {
  for (const [path, subcommandHelp] of subcommands) {
    const command = path.reduce<Command | undefined>(
      (parent, name) => parent?.commands.find((c) => c.name() === name),
      group,
    );
    if (!command) throw new Error(`${group.name()} has no subcommand ${path.join(' ')}`);
    withHelp(command, subcommandHelp);
  }
  return withHelp(group, help);
}

/** The help recorded for a command with withHelp (empty when none was). */
export function helpOf(command: Command): CommandHelp {
  return helpByCommand.get(command) ?? {};
}

/** A pflag string default (printed quoted: `'value'`). */
export function stringDefault(value: string): FlagDefault {
  return { text: `'${value}'` };
}

/** A default printed as it is: numbers, booleans, durations (`0s`), quantities. */
export function plainDefault(value: string | number | boolean): FlagDefault {
  return { text: String(value) };
}

/** A string array or slice default: `[]`, `[a,b]`. */
export function listDefault(values: readonly string[] = []): FlagDefault {
  return { text: `[${values.join(',')}]` };
}

/**
 * Records the pflag default of options whose commander definition does not say it (a number
 * kept as a string, a duration, a flag whose default is computed at run time). Keys are long
 * names without dashes; an unknown name throws, so a renamed flag cannot leave a stale entry.
 */
export function flagDefaults(
  command: Command,
  defaults: Readonly<Record<string, FlagDefault>>,
): Command {
  for (const [name, value] of Object.entries(defaults)) {
    const option = command.options.find((o) => o.long === `--${name}`);
    if (!option) throw new Error(`${command.name()} has no flag --${name}`);
    defaultByOption.set(option, value);
  }
  return command;
}

/** The default recorded with flagDefaults, if any. */
export function recordedDefault(option: Option): FlagDefault | undefined {
  return defaultByOption.get(option);
}
