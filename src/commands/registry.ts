import type { Command } from 'commander';
import type { CommandContext } from '../runtime/command-context.js';
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
import { newAnnotateCommand } from './label/annotate.js';
import { newPatchCommand } from './patch/index.js';
import { newReplaceCommand } from './replace/index.js';
import { newScaleCommand } from './scale/index.js';
import { newRolloutCommand } from './rollout/index.js';
import { newWaitCommand } from './wait/index.js';
import { newEventsCommand } from './events/index.js';
import { newDescribeCommand } from './describe/index.js';
import { newEditCommand } from './edit/index.js';
import { newKustomizeCommand } from './kustomize/index.js';
import { newPluginCommand } from './plugin/index.js';
import { newTopCommand } from './top/index.js';
import { newCordonCommand, newDrainCommand, newUncordonCommand } from './drain/index.js';
import { newCpCommand } from './cp/index.js';
import { newTaintCommand } from './taint/index.js';
import { newCertificateCommand } from './certificate/index.js';
import { newDebugCommand } from './debug/index.js';
import { newSetCommand } from './set/index.js';

/** Every top-level command by name, in help order (the name lets the cli build only the one invoked). */
export const commandFactories: ReadonlyArray<
  readonly [string, (context: CommandContext) => Command]
> = [
  ['get', newGetCommand],
  ['apply', newApplyCommand],
  ['delete', newDeleteCommand],
  ['diff', newDiffCommand],
  ['create', newCreateCommand],
  ['run', newRunCommand],
  ['set', newSetCommand],
  ['expose', newExposeCommand],
  ['autoscale', newAutoscaleCommand],
  ['dash', newDashCommand],
  ['label', newLabelCommand],
  ['annotate', newAnnotateCommand],
  ['patch', newPatchCommand],
  ['replace', newReplaceCommand],
  ['scale', newScaleCommand],
  ['rollout', newRolloutCommand],
  ['wait', newWaitCommand],
  ['events', newEventsCommand],
  ['describe', newDescribeCommand],
  ['edit', newEditCommand],
  ['kustomize', newKustomizeCommand],
  ['config', newConfigCommand],
  ['logs', newLogsCommand],
  ['exec', newExecCommand],
  ['attach', newAttachCommand],
  ['cp', newCpCommand],
  ['debug', newDebugCommand],
  ['port-forward', newPortForwardCommand],
  ['proxy', newProxyCommand],
  ['cluster-info', newClusterInfoCommand],
  ['certificate', newCertificateCommand],
  ['top', newTopCommand],
  ['cordon', newCordonCommand],
  ['uncordon', newUncordonCommand],
  ['drain', newDrainCommand],
  ['taint', newTaintCommand],
  ['auth', newAuthCommand],
  ['api-resources', newApiResourcesCommand],
  ['api-versions', newApiVersionsCommand],
  ['explain', newExplainCommand],
  ['version', newVersionCommand],
  ['completion', newCompletionCommand],
  ['plugin', newPluginCommand],
];
