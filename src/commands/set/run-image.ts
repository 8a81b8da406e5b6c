/** `ktl set image`: kubectl's set_image.go. */
import { BareError, PlainError } from '../../errors/errors.js';
import { hasFilenames, labelResourcesRequired } from '../../resources/builder/index.js';
import { splitResourcesAndPairs } from '../../resources/resource-pairs.js';
import { checkResultOutput } from '../../runtime/result-printer.js';
import type { Factory } from '../../runtime/factory.js';
import { containersOf, noPodTemplate, podSpecOf } from './pod-spec.js';
import type { SetFlags } from './set-run.js';
import { localDryRunError, patchEach, setDryRun, setTargets } from './set-run.js';

/** cmdutil.ParsePairs without removal: `name=image` pairs, in the order given. */
function parseImages(pairs: readonly string[]): Map<string, string> {
  const images = new Map<string, string>();
  const invalid: string[] = [];
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at > 0) images.set(pair.slice(0, at), pair.slice(at + 1));
    else invalid.push(pair);
  }
  if (invalid.length > 0) throw new PlainError(`invalid image format: ${invalid.join(', ')}`);
  return images;
}

/** Sets the image of every container (and init container) named, or of all with `*`. */
function setImage(containers: Array<Record<string, unknown>>, name: string, image: string) {
  let found = false;
  for (const container of containers) {
    if (container['name'] !== name && name !== '*') continue;
    container['image'] = image;
    found = true;
  }
  return found;
}

/** Validate's checks, all reported together as kubectl aggregates them. */
function validate(
  resources: string[],
  images: Map<string, string>,
  flags: SetFlags,
  dryRun: string,
) {
  const problems: string[] = [];
  if (resources.length === 0 && !hasFilenames(flags))
    problems.push(labelResourcesRequired().message);
  if (images.size === 0) problems.push('at least one image update is required');
  else if (images.size > 1 && images.has('*'))
    problems.push(
      'all containers are already specified by *, but saw more than one container_name=container_image pairs',
    );
  if (flags.local && dryRun === 'server') problems.push(localDryRunError().message);
  if (problems.length === 1) throw new PlainError(problems[0] ?? '');
  if (problems.length > 1) throw new PlainError(`[${problems.join(', ')}]`);
}

/** Runs `set image` over the arguments. */
export async function runSetImage(factory: Factory, args: string[], flags: SetFlags) {
  checkResultOutput(flags);
  const dryRun = setDryRun(factory, flags);
  const { resources, pairs } = splitResourcesAndPairs(args, 'image');
  const images = parseImages(pairs);
  const infos = await setTargets(factory, resources, flags);
  validate(resources, images, flags, dryRun);
  const problems: Error[] = [];
  await patchEach(
    factory,
    infos,
    flags,
    dryRun,
    {
      verb: 'image updated',
      failure: 'failed to patch image update to pod template',
      mutate: (object, info) => {
        const spec = podSpecOf(object, info.mapping);
        if (!spec) throw new Error(noPodTemplate(info.mapping));
        for (const [name, image] of images) {
          const init = setImage(containersOf(spec, 'initContainers'), name, image);
          const main = setImage(containersOf(spec, 'containers'), name, image);
          if (!init && !main)
            problems.push(
              new BareError(`error: unable to find container named ${JSON.stringify(name)}`),
            );
        }
      },
    },
    problems,
  );
}
