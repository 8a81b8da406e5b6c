/**
 * The delete flags kubectl's apply inherits for --prune (--cascade, --grace-period, --wait,
 * --timeout) and ktl's --wait-rollout.
 */
import type { Command } from 'commander';
import { FlagValueError } from '../../errors/errors.js';
import { durationFlag, intProblem } from '../../runtime/flag-values.js';
import type { ApplyOptions } from '../../runtime/apply/apply-options.js';
import { cascadeFromFlag } from '../../runtime/cascade-flag.js';
import { flagDefaults, plainDefault, stringDefault } from '../../runtime/command-help.js';

/** The raw values of those flags. */
export interface WaitFlags {
  cascade?: string | boolean;
  gracePeriod?: string;
  wait?: string | boolean;
  waitRollout?: string | boolean;
  timeout?: string;
}

/** Adds the flags to the apply command. */
export function addWaitFlags(command: Command): Command {
  command
    .option(
      '--cascade [strategy]',
      'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController) of pruned objects. Defaults to background.',
    )
    .option(
      '--grace-period <seconds>',
      'Period of time in seconds given to pruned resources to terminate gracefully. Ignored if negative.',
      '-1',
    )
    .option(
      '--wait [bool]',
      "If true, wait for resources to be gone before returning. This waits for finalizers. (kubectl's meaning: with --prune, ktl waits until the pruned objects are gone; to wait for rollouts use --wait-rollout)",
    )
    .option(
      '--wait-rollout [bool]',
      'ktl only: after applying, follow every applied Deployment, StatefulSet, DaemonSet and Job until its rollout is complete (Job: completed) or has failed; exits non-zero naming those that failed or timed out.',
    )
    .option(
      '--timeout <duration>',
      'The length of time to wait before giving up on a delete (--wait) or a rollout (--wait-rollout), zero means no limit.',
      '0s',
    );
  return flagDefaults(command, {
    cascade: stringDefault('background'),
    'grace-period': plainDefault(-1),
  });
}

function flagBool(value: string | boolean | undefined): boolean {
  return value !== undefined && value !== false && value !== 'false';
}

/** The parsed values, with kubectl's errors for bad ones. */
export function waitOptions(
  flags: WaitFlags,
): Pick<ApplyOptions, 'cascade' | 'gracePeriod' | 'waitForDeletion' | 'timeoutMs' | 'waitRollout'> {
  const cascade = cascadeFromFlag(flags.cascade);
  const grace = flags.gracePeriod ?? '-1';
  if (!/^[+-]?\d+$/.test(grace))
    throw new FlagValueError('--grace-period', grace, intProblem(grace));
  return {
    cascade,
    gracePeriod: Number(grace),
    waitForDeletion: flagBool(flags.wait),
    timeoutMs: durationFlag('--timeout', flags.timeout ?? '0s'),
    waitRollout: flagBool(flags.waitRollout),
  };
}
