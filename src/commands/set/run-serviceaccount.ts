/** `ktl set serviceaccount`: kubectl's set_serviceaccount.go. */
import { PlainError } from '../../errors/errors.js';
import type { Factory } from '../../runtime/factory.js';
import { checkResultOutput } from '../../runtime/result-printer.js';
import { noPodTemplate, podSpecOf } from './pod-spec.js';
import type { SetFlags } from './set-run.js';
import { localDryRunError, patchEach, setDryRun, setTargets } from './set-run.js';

/** Runs `set serviceaccount RESOURCE... NAME`. */
export async function runSetServiceAccount(factory: Factory, args: string[], flags: SetFlags) {
  checkResultOutput(flags);
  const dryRun = setDryRun(factory, flags);
  if (args.length === 0) throw new PlainError('serviceaccount is required');
  const name = args[args.length - 1] ?? '';
  const infos = await setTargets(factory, args.slice(0, -1), flags);
  if (flags.local && dryRun === 'server') throw localDryRunError();
  await patchEach(factory, infos, flags, dryRun, {
    verb: 'serviceaccount updated',
    failure: 'failed to patch ServiceAccountName',
    failureSeparator: ' ',
    // kubectl sends (and prints) the patch even when nothing changed
    sendEmptyPatch: true,
    mutate: (object, info) => {
      const spec = podSpecOf(object, info.mapping);
      if (!spec) throw new Error(noPodTemplate(info.mapping));
      spec['serviceAccountName'] = name;
      return true;
    },
  });
}
