import type { Command } from 'commander';
import type { CommandContext } from './command-context.js';
import { newConfigCommand } from './config/index.js';
import { newGetCommand } from './get/index.js';
import { newVersionCommand } from './version/index.js';

/** Every top-level command, in help order. */
export const commandFactories: ReadonlyArray<(context: CommandContext) => Command> = [
  newGetCommand,
  newConfigCommand,
  newVersionCommand,
];
