import type { Command } from 'commander';
import type { CommandContext } from './command-context.js';
import { newApiResourcesCommand } from './api-resources/index.js';
import { newApiVersionsCommand } from './api-versions/index.js';
import { newApplyCommand } from './apply/index.js';
import { newAttachCommand } from './attach/index.js';
import { newAuthCommand } from './auth/index.js';
import { newClusterInfoCommand } from './cluster-info/index.js';
import { newCompletionCommand } from './completion/index.js';
import { newExplainCommand } from './explain/index.js';
import { newConfigCommand } from './config/index.js';
import { newAutoscaleCommand } from './autoscale/index.js';
import { newCreateCommand } from './create/index.js';
import { newExposeCommand } from './expose/index.js';
import { newRunCommand } from './run/index.js';
import { newExecCommand } from './exec/index.js';
import { newDashCommand } from './dash/index.js';
import { newDeleteCommand } from './delete/index.js';
import { newDiffCommand } from './diff/index.js';
import { newGetCommand } from './get/index.js';
import { newLogsCommand } from './logs/index.js';
import { newPortForwardCommand } from './port-forward/index.js';
import { newProxyCommand } from './proxy/index.js';
import { newVersionCommand } from './version/index.js';
import { newLabelCommand } from './label/index.js';
import { newAnnotateCommand } from './annotate/index.js';
import { newPatchCommand } from './patch/index.js';
import { newScaleCommand } from './scale/index.js';
import { newRolloutCommand } from './rollout/index.js';
import { newWaitCommand } from './wait/index.js';
import { newEventsCommand } from './events/index.js';
import { newDescribeCommand } from './describe/index.js';
import { newEditCommand } from './edit/index.js';

/** Every top-level command, in help order. */
export const commandFactories: ReadonlyArray<(context: CommandContext) => Command> = [
  newGetCommand,
  newApplyCommand,
  newDeleteCommand,
  newDiffCommand,
  newCreateCommand,
  newRunCommand,
  newExposeCommand,
  newAutoscaleCommand,
  newDashCommand,
  newLabelCommand,
  newAnnotateCommand,
  newPatchCommand,
  newScaleCommand,
  newRolloutCommand,
  newWaitCommand,
  newEventsCommand,
  newDescribeCommand,
  newEditCommand,
  newConfigCommand,
  newLogsCommand,
  newExecCommand,
  newAttachCommand,
  newPortForwardCommand,
  newProxyCommand,
  newClusterInfoCommand,
  newAuthCommand,
  newApiResourcesCommand,
  newApiVersionsCommand,
  newExplainCommand,
  newVersionCommand,
  newCompletionCommand,
];
