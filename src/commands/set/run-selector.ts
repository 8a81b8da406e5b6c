/** `ktl set selector`: kubectl's set_selector.go (Services only). */
import { PlainError } from '../../errors/errors.js';
import type { LabelRequirement } from '../../resources/label-requirements.js';
import { parseSelector } from '../../resources/label-requirements.js';
import type { Factory } from '../../runtime/factory.js';
import { checkResultOutput } from '../../runtime/result-printer.js';
import type { SetFlags } from './set-run.js';
import { localDryRunError, patchEach, setDryRun, setTargets } from './set-run.js';

/** The flags of `set selector`. */
export interface SelectorFlags extends Omit<SetFlags, 'recursive'> {
  resourceVersion?: string;
  recursive?: boolean | string;
}

interface LabelSelector {
  matchLabels: Record<string, string>;
  /** Go's %v of each LabelSelectorRequirement: `{key Operator [values]}`. */
  matchExpressions: string[];
}

const OPERATORS: Record<string, string> = {
  in: 'In',
  notin: 'NotIn',
  exists: 'Exists',
  notexists: 'DoesNotExist',
};

/** metav1.ParseToLabelSelector: equality into matchLabels, set operators into expressions. */
function parseToLabelSelector(text: string): LabelSelector {
  let requirements: LabelRequirement[];
  try {
    requirements = parseSelector(text);
  } catch (error) {
    throw new PlainError(
      `couldn't parse the selector string ${JSON.stringify(text)}: ${(error as Error).message}`,
    );
  }
  const selector: LabelSelector = { matchLabels: {}, matchExpressions: [] };
  for (const requirement of requirements) {
    if (requirement.operator === '=') selector.matchLabels[requirement.key] = requirement.value;
    else if ('value' in requirement)
      throw new PlainError(
        `${JSON.stringify(requirement.operator)} is not a valid label selector operator`,
      );
    else {
      const values = 'values' in requirement ? requirement.values.join(' ') : '';
      selector.matchExpressions.push(
        `{${requirement.key} ${OPERATORS[requirement.operator] ?? ''} [${values}]}`,
      );
    }
  }
  return selector;
}

/** Runs `set selector RESOURCE... EXPRESSIONS`. */
export async function runSetSelector(
  factory: Factory,
  args: string[],
  flags: SetFlags & SelectorFlags & { recursive: boolean },
) {
  checkResultOutput(flags);
  const dryRun = setDryRun(factory, flags);
  if (args.length === 0) throw new PlainError('one selector is required');
  const selector = parseToLabelSelector(args[args.length - 1] ?? '');
  const infos = await setTargets(factory, args.slice(0, -1), flags);
  if (flags.local && dryRun === 'server') throw localDryRunError();
  await patchEach(factory, infos, flags, dryRun, {
    verb: 'selector updated',
    failure: '',
    sendEmptyPatch: true,
    plainErrors: true,
    mutate: (object, info) => {
      if (flags.resourceVersion)
        object.metadata = { ...(object.metadata ?? {}), resourceVersion: flags.resourceVersion };
      if (info.mapping.kind !== 'Service' || info.mapping.group !== '')
        throw new Error('setting a selector is only supported for Services');
      if (selector.matchExpressions.length > 0)
        throw new Error(
          `match expression [${selector.matchExpressions.join(' ')}] not supported on this object`,
        );
      const spec = (object['spec'] ?? {}) as Record<string, unknown>;
      spec['selector'] = { ...selector.matchLabels };
      object['spec'] = spec;
      return true;
    },
  });
}
