/** Runs `create configmap` and `create secret generic|tls|docker-registry`. */
import type { Command } from 'commander';
import { PlainError } from '../../errors/errors.js';
import {
  generateConfigMap,
  validateConfigMapSources,
} from '../../resources/generators/configmap.js';
import { nodeSourceReader } from '../../resources/generators/data-sources.js';
import { kindByName } from '../../resources/generators/known-kinds.js';
import type { KnownKind } from '../../resources/generators/known-kinds.js';
import { splitCsvFlag } from '../../resources/generators/parse.js';
import {
  generateDockerSecret,
  generateGenericSecret,
  generateTlsSecret,
} from '../../resources/generators/secret.js';
import type { Factory } from '../../runtime/factory.js';
import { nameFromArgs } from '../../runtime/command-args.js';
import type { GeneratorFlagValues } from '../../runtime/mutation-flags.js';
import { runGenerated } from './run-generated.js';

/** Flags of the configmap and secret subcommands. */
export interface DataFlagValues extends GeneratorFlagValues {
  fromFile?: string[];
  fromLiteral?: string[];
  fromEnvFile?: string[];
  appendHash?: boolean;
  type?: string;
  cert?: string;
  key?: string;
  dockerUsername?: string;
  dockerPassword?: string;
  dockerEmail?: string;
  dockerServer?: string;
}

function known(kind: string): KnownKind {
  const found = kindByName(kind);
  if (!found) throw new Error(`unknown kind ${kind}`);
  return found;
}

function guard<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof Error && !(error instanceof PlainError))
      throw new PlainError(error.message);
    throw error;
  }
}

/** The --from-file, --from-literal, --from-env-file and --append-hash values of configmap and secret generic. */
function dataSources(opts: DataFlagValues) {
  return {
    fromFile: splitCsvFlag(opts.fromFile ?? []),
    fromLiteral: opts.fromLiteral ?? [],
    fromEnvFile: splitCsvFlag(opts.fromEnvFile ?? []),
    appendHash: opts.appendHash === true,
  };
}

/** `create configmap NAME`. */
export async function runCreateConfigMap(
  factory: Factory,
  command: Command,
  args: string[],
  opts: DataFlagValues,
): Promise<void> {
  const name = nameFromArgs(command, args);
  const params = { name, ...dataSources(opts) };
  await runGenerated(factory, opts, {
    validate: () => guard(() => validateConfigMapSources(params)),
    kind: known('ConfigMap'),
    errorPrefix: 'failed to create configmap: ',
    build: (namespace) =>
      guard(() => generateConfigMap({ ...params, namespace }, nodeSourceReader)),
  });
}

/** `create secret generic NAME`. */
export async function runCreateGenericSecret(
  factory: Factory,
  command: Command,
  args: string[],
  opts: DataFlagValues,
): Promise<void> {
  const name = nameFromArgs(command, args);
  const params = { name, type: opts.type ?? '', ...dataSources(opts) };
  await runGenerated(factory, opts, {
    validate: () => guard(() => validateConfigMapSources(params)),
    kind: known('Secret'),
    errorPrefix: 'failed to create secret ',
    build: (namespace) =>
      guard(() => generateGenericSecret({ ...params, namespace }, nodeSourceReader)),
  });
}

/** `create secret tls NAME --cert --key`. */
export async function runCreateTlsSecret(
  factory: Factory,
  command: Command,
  args: string[],
  opts: DataFlagValues,
): Promise<void> {
  const name = nameFromArgs(command, args);
  const params = {
    name,
    cert: opts.cert ?? '',
    key: opts.key ?? '',
    appendHash: opts.appendHash === true,
  };
  await runGenerated(factory, opts, {
    validate: () => {
      if (!params.cert || !params.key) throw new PlainError('key and cert must be specified');
    },
    kind: known('Secret'),
    errorPrefix: 'failed to create secret ',
    build: (namespace) =>
      guard(() => generateTlsSecret({ ...params, namespace }, nodeSourceReader)),
  });
}

/** `create secret docker-registry NAME`. */
export async function runCreateDockerSecret(
  factory: Factory,
  command: Command,
  args: string[],
  opts: DataFlagValues,
): Promise<void> {
  const name = nameFromArgs(command, args);
  const fromFile = splitCsvFlag(opts.fromFile ?? []);
  const server = opts.dockerServer ?? 'https://index.docker.io/v1/';
  const validate = (): void => {
    if (fromFile.length === 0 && (!opts.dockerUsername || !opts.dockerPassword || !server))
      throw new PlainError(
        'either --from-file or the combination of --docker-username, --docker-password and --docker-server is required',
      );
  };
  const params = {
    name,
    server,
    fromFile,
    appendHash: opts.appendHash === true,
    ...(opts.dockerUsername !== undefined ? { username: opts.dockerUsername } : {}),
    ...(opts.dockerPassword !== undefined ? { password: opts.dockerPassword } : {}),
    ...(opts.dockerEmail !== undefined ? { email: opts.dockerEmail } : {}),
  };
  await runGenerated(factory, opts, {
    validate,
    kind: known('Secret'),
    errorPrefix: 'failed to create secret ',
    build: (namespace) =>
      guard(() => generateDockerSecret({ ...params, namespace }, nodeSourceReader)),
  });
}
