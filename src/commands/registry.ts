import type { Command } from 'commander';
import type { CommandContext } from './command-context.js';
import { newApiResourcesCommand } from './api-resources/index.js';
import { newApiVersionsCommand } from './api-versions/index.js';
import { newAttachCommand } from './attach/index.js';
import { newCompletionCommand } from './completion/index.js';
import { newConfigCommand } from './config/index.js';
import { newAutoscaleCommand } from './autoscale/index.js';
import { newCreateCommand } from './create/index.js';
import { newExposeCommand } from './expose/index.js';
import { newRunCommand } from './run/index.js';
import { newExecCommand } from './exec/index.js';
import { newGetCommand } from './get/index.js';
import { newLogsCommand } from './logs/index.js';
import { newVersionCommand } from './version/index.js';

/** Every top-level command, in help order. */
export const commandFactories: ReadonlyArray<(context: CommandContext) => Command> = [
  newGetCommand,
  newCreateCommand,
  newRunCommand,
  newExposeCommand,
  newAutoscaleCommand,
  newConfigCommand,
  newLogsCommand,
  newExecCommand,
  newAttachCommand,
  newApiResourcesCommand,
  newApiVersionsCommand,
  newVersionCommand,
  newCompletionCommand,
];
