/**
 * `ktl debug` (kubectl's DebugOptions): an ephemeral container added to a pod through
 * pods/ephemeralcontainers, a copy of a pod (--copy-to) with a debug container or new images,
 * or a pod on a node (node/NAME), each shaped by a profile.
 */
import type { Command } from 'commander';
import { PlainError } from '../../errors/errors.js';
import { isValidImageReference } from '../../resources/generators/image-reference.js';
import type { FetchedInfo } from '../../resources/builder/index.js';
import type { HttpClient } from '../../transport/http-client.js';
import { argsLenAtDash } from '../../runtime/command-args.js';
import type { Factory } from '../../runtime/factory.js';
import { attachToDebugContainer } from './attach-debug.js';
import type { CustomProfile } from './custom-profile.js';
import { applyCustomProfile, readCustomProfile, validateCustomProfile } from './custom-profile.js';
import type { DebugPod } from './debug-types.js';
import type { DebugSpec } from './generate.js';
import { PROFILES } from './profiles.js';
import { debugTargets } from './targets.js';
import type { DebugStreams, DebugTarget } from './visit.js';
import { debugByCopy, debugByEphemeralContainer, visitNode } from './visit.js';

/** The flags of `ktl debug`. */
export interface DebugFlags {
  argumentsOnly?: boolean;
  attach?: boolean;
  container?: string;
  copyTo?: string;
  replace?: boolean;
  env?: string[];
  image?: string;
  keepLabels?: boolean;
  keepAnnotations?: boolean;
  keepLiveness?: boolean;
  keepReadiness?: boolean;
  keepStartup?: boolean;
  keepInitContainers?: boolean;
  setImage?: string[];
  imagePullPolicy?: string;
  stdin?: boolean;
  quiet?: boolean;
  sameNode?: boolean;
  shareProcesses?: boolean;
  target?: string;
  tty?: boolean;
  profile: string;
  custom?: string;
  filename?: string[];
}

/** pflag's StringToString: `a=b,c=d` lists, later keys win. */
function stringMap(values: readonly string[] | undefined, flag: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const value of values ?? [])
    for (const pair of value.split(',')) {
      const eq = pair.indexOf('=');
      if (eq < 0)
        throw new PlainError(
          `invalid argument "${value}" for "${flag}" flag: ${pair} must be formatted as key=value`,
        );
      map.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  return map;
}

/** Complete + Validate: the spec of what to create, with kubectl's errors in its order. */
async function debugSpec(
  factory: Factory,
  command: Command,
  args: readonly string[],
  flags: DebugFlags,
) {
  const dash = argsLenAtDash(command, args);
  const names = dash >= 0 && args.length > dash ? args.slice(0, dash) : [...args];
  const filenames = flags.filename ?? [];
  const commandArgs = dash >= 0 && args.length > dash ? args.slice(dash) : [];
  const attachChanged = command.getOptionValueSource('attach') === 'cli';
  const attach = attachChanged ? flags.attach === true : flags.stdin === true;
  const setImages = stringMap(flags.setImage, '--set-image');
  const env = [...stringMap(flags.env, '--env')].map(([name, value]) => ({ name, value }));
  if (!PROFILES.includes(flags.profile)) throw new PlainError(`unknown profile: ${flags.profile}`);
  const custom: CustomProfile | undefined = flags.custom
    ? await readCustomProfile(flags.custom, () => factory.schemas().document('', 'v1'))
    : undefined;
  const image = flags.image ?? '';
  const container = flags.container ?? '';
  const copyTo = flags.copyTo ?? '';
  if (attach && attachChanged && !image && !container)
    throw new PlainError(
      'you must specify --container or create a new container using --image in order to attach.',
    );
  if (copyTo) {
    if (!image && setImages.size === 0 && commandArgs.length === 0)
      throw new PlainError('you must specify --image, --set-image or command arguments.');
    if (commandArgs.length > 0 && !container && !image)
      throw new PlainError(
        'you must specify an existing container or a new image when specifying args.',
      );
  } else if (flags.replace) throw new PlainError('--replace may only be used with --copy-to.');
  else if (flags.sameNode) throw new PlainError('--same-node may only be used with --copy-to.');
  else if (setImages.size > 0) throw new PlainError('--set-image may only be used with --copy-to.');
  else if (!image) throw new PlainError('you must specify --image when not using --copy-to.');
  if (image && !isValidImageReference(image))
    throw new PlainError(`invalid image name "${image}": invalid reference format`);
  if (names.length === 0 && filenames.length === 0)
    throw new PlainError('NAME or filename is required for debug');
  const pullPolicy = flags.imagePullPolicy ?? '';
  if (!['Always', 'IfNotPresent', 'Never', ''].includes(pullPolicy))
    throw new PlainError(`invalid image pull policy: ${pullPolicy}`);
  for (const [name, setImage] of setImages)
    if (!isValidImageReference(setImage))
      throw new PlainError(
        `invalid image name "${setImage}" for container "${name}": invalid reference format`,
      );
  return {
    names,
    commandArgs,
    attach,
    setImages,
    env,
    custom,
    image,
    container,
    copyTo,
    pullPolicy,
  };
}

function customMerge(custom: CustomProfile | undefined): DebugSpec['custom'] {
  if (!custom) return undefined;
  return (pod, name, style) => applyCustomProfile(custom, pod, name, style);
}

export async function runDebug(
  factory: Factory,
  command: Command,
  args: readonly string[],
  flags: DebugFlags,
): Promise<void> {
  const parsed = await debugSpec(factory, command, args, flags);
  const out = (text: string): void => void factory.streams.out.write(text);
  if (flags.target) {
    if (parsed.copyTo)
      throw new PlainError(
        '--target is incompatible with --copy-to. Use --share-processes instead.',
      );
    if (!flags.quiet)
      out(
        `Targeting container "${flags.target}". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n`,
      );
  }
  if (flags.tty && !flags.stdin)
    throw new PlainError('-i/--stdin is required for containers with -t/--tty=true');
  if (parsed.custom) validateCustomProfile(parsed.custom);
  if (flags.profile === 'legacy')
    factory.streams.err.write(
      '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n',
    );
  const spec: DebugSpec = {
    image: parsed.image,
    container: parsed.container,
    target: flags.target ?? '',
    args: parsed.commandArgs,
    argsOnly: flags.argumentsOnly === true,
    env: parsed.env,
    pullPolicy: parsed.pullPolicy,
    interactive: flags.stdin === true,
    tty: flags.tty === true,
    quiet: flags.quiet === true,
    profile: flags.profile,
    keep: {
      labels: flags.keepLabels === true,
      annotations: flags.keepAnnotations === true,
      liveness: flags.keepLiveness === true,
      readiness: flags.keepReadiness === true,
      startup: flags.keepStartup === true,
      initContainers: flags.keepInitContainers !== false,
    },
    copyTo: parsed.copyTo,
    sameNode: flags.sameNode === true,
    shareProcesses:
      command.getOptionValueSource('shareProcesses') === 'cli'
        ? flags.shareProcesses !== false
        : undefined,
    setImages: parsed.setImages,
    custom: customMerge(parsed.custom),
  };
  const { namespace } = await factory.namespace();
  const targets = await debugTargets(factory, parsed.names, flags.filename ?? []);
  const client = await factory.client();
  for (const info of targets) {
    if (info instanceof Error) throw info;
    const streams = { out, err: (text: string) => void factory.streams.err.write(text) };
    const target = await visit(client, spec, info, namespace, flags.replace === true, streams);
    if (parsed.attach && target.container)
      await attachToDebugContainer(factory, target, {
        stdin: spec.interactive,
        tty: spec.tty,
        quiet: spec.quiet,
      });
  }
}

/** visitNode or visitPod by the object's kind; other kinds are refused after the fetch. */
async function visit(
  client: HttpClient,
  spec: DebugSpec,
  info: FetchedInfo,
  namespace: string,
  replace: boolean,
  streams: DebugStreams,
): Promise<DebugTarget> {
  const { mapping } = info;
  if (mapping.group === '' && mapping.kind === 'Node')
    return visitNode(client, spec, info.name, namespace, streams.out);
  if (mapping.group !== '' || mapping.kind !== 'Pod') {
    const group = mapping.group === '' ? '' : `${mapping.group}/`;
    throw new PlainError(
      `"${group}${mapping.version}, Kind=${mapping.kind}" not supported by debug`,
    );
  }
  // the builder's DefaultNamespace: an object read from a file gets the namespace it goes to
  const pod = info.object as unknown as DebugPod;
  pod.metadata.namespace = info.namespace;
  return spec.copyTo
    ? debugByCopy(client, spec, pod, replace, streams)
    : debugByEphemeralContainer(client, spec, pod, streams);
}
