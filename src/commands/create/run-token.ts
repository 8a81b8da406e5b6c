/** Runs `create token SA`: a TokenRequest, printing only the token. */
import type { Command } from 'commander';
import { ApiStatusError, FlagValueError, PlainError } from '../../errors/errors.js';
import { parseGoDuration } from '../../config/duration.js';
import { generateTokenRequest, validateToken } from '../../resources/generators/token.js';
import type { KnownKind } from '../../resources/generators/known-kinds.js';
import type { KubeObject } from '../../resources/kube-object.js';
import { commonSettings, printObject } from '../../runtime/generated-object.js';
import type { Factory } from '../../runtime/factory.js';
import { nameFromArgs } from '../../runtime/command-args.js';
import { commandPathOf } from '../../runtime/command-context.js';

/** Flags of `create token`. */
export interface TokenFlagValues {
  audience?: string[];
  duration?: string;
  boundObjectKind?: string;
  boundObjectName?: string;
  boundObjectUid?: string;
  output?: string;
  template?: string;
  showManagedFields?: boolean;
  allowMissingTemplateKeys?: boolean | string;
}

/** How kubectl names the TokenRequest it prints (-o name) and its typed JSON. */
const TOKEN_REQUEST: KnownKind = {
  kind: 'TokenRequest',
  group: 'authentication.k8s.io',
  version: 'v1',
  resource: 'tokenrequests',
  namespaced: true,
  aliases: [],
};

/** `create token SERVICE_ACCOUNT_NAME`. */
export async function runCreateToken(
  factory: Factory,
  command: Command,
  args: string[],
  opts: TokenFlagValues,
): Promise<void> {
  const durationText = opts.duration ?? '0s';
  const durationMs = parseGoDuration(durationText);
  if (durationMs === undefined)
    throw new FlagValueError(
      '--duration',
      durationText,
      `time: invalid duration ${JSON.stringify(durationText)}`,
      commandPathOf(command),
    );
  const name = nameFromArgs(command, args);
  // kubectl makes its printer (and checks -o and --template) before the request.
  const { print } = commonSettings(factory, { ...opts, dryRun: 'none' });
  const { namespace } = await factory.namespace();
  const params = {
    name,
    namespace,
    audiences: opts.audience ?? [],
    durationMs,
    boundObjectKind: opts.boundObjectKind ?? '',
    boundObjectName: opts.boundObjectName ?? '',
    boundObjectUid: opts.boundObjectUid ?? '',
  };
  try {
    validateToken(params);
  } catch (error) {
    throw new PlainError((error as Error).message);
  }
  const client = await factory.client();
  let response: KubeObject;
  try {
    response = await client.json<KubeObject>({
      method: 'POST',
      path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/serviceaccounts/${encodeURIComponent(name)}/token`,
      body: JSON.stringify(generateTokenRequest(params)),
      contentType: 'application/json',
      // kubectl sets no field manager: the server names it after kubectl's user agent.
      query: { fieldManager: 'kubectl' },
    });
  } catch (error) {
    if (error instanceof ApiStatusError)
      throw new PlainError(`failed to create token: ${error.message}`);
    throw error;
  }
  const token = String((response['status'] as KubeObject | undefined)?.['token'] ?? '');
  if (token === '') throw new PlainError('failed to create token: no token in server response');
  // PrintFlags.OutputFlagSpecified: only -o prints the TokenRequest; --template alone does not.
  if (opts.output) {
    await printObject(factory, response, TOKEN_REQUEST, {
      ...print,
      templateSeesManagedFields: true,
    });
    return;
  }
  factory.streams.out.write(factory.streams.out.isTTY ? `${token}\n` : token);
}
