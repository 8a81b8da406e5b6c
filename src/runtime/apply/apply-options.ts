import type { DryRunStrategy, ValidateMode } from '../mutation-flags.js';
import type { PrintFlagValues } from '../template-output.js';

/** What `ktl apply` was asked to do, after flag parsing. */
export interface ApplyOptions {
  filename: string[];
  kustomize?: string;
  recursive: boolean;
  dryRun: DryRunStrategy;
  serverSide: boolean;
  forceConflicts: boolean;
  fieldManager: string;
  validate: ValidateMode;
  /** -o as kubectl's PrintFlags read it ('' = the `configmap/x created` lines). */
  output: string;
  /** -o, --template, --allow-missing-template-keys, --show-managed-fields as given. */
  printFlags?: PrintFlagValues;
  prune: boolean;
  selector: string;
  pruneAllowlist: string[];
  all: boolean;
  overwrite: boolean;
  /** Deletion propagation of pruned objects (--cascade; default background). The fields below
   * are optional: diff builds ApplyOptions too and never prunes or waits. */
  cascade?: 'background' | 'foreground' | 'orphan';
  /** Seconds for pruned objects to terminate, or -1 for their default (--grace-period). */
  gracePeriod?: number;
  /** kubectl's --wait: wait for pruned objects to be gone. */
  waitForDeletion?: boolean;
  /** --timeout in ms (0 = no limit): bounds --wait and --wait-rollout. */
  timeoutMs?: number;
  /** --force: delete and re-create objects that cannot be patched (immutable fields). */
  force?: boolean;
  /** ktl's --wait-rollout: follow applied workloads until ready or failed. */
  waitRollout?: boolean;
}
