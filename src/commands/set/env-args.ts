/**
 * kubectl's env helpers (pkg/cmd/set/env): the resources/env split of the arguments, the
 * `KEY=VALUE` / `KEY-` list, and how a change merges into a container's env.
 */
import { PlainError } from '../../errors/errors.js';

/** A container env entry as the API holds it. */
export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: Record<string, unknown>;
}

const ENVIRONMENT_ARGUMENT = /^(.+)=(.*)$/s;
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_VAR_NAME_MESSAGE =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

/** SplitEnvironmentFromResources: resources first, then env changes; undefined if mixed. */
export function splitEnvironment(
  args: readonly string[],
): { resources: string[]; envArgs: string[] } | undefined {
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const arg of args) {
    const isEnv = ENVIRONMENT_ARGUMENT.test(arg) || arg.endsWith('-');
    if (isEnv) envArgs.push(arg);
    else if (envArgs.length > 0) return undefined;
    else resources.push(arg);
  }
  return { resources, envArgs };
}

/**
 * envutil.ParseEnv: the variables to set (in order) and the names to remove. `-` stands for
 * the `KEY=VALUE` lines of stdin (`stdin` holds them, read by the caller), which, unlike the
 * arguments, are neither checked as names nor kept from being removed in the same command.
 */
export function parseEnv(
  specs: readonly string[],
  stdin = '',
): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  const given = new Set<string>();
  for (const spec of specs) {
    const at = spec.indexOf('=');
    if (spec === '-') env.push(...readEnvLines(stdin));
    else if (at >= 0) {
      const name = spec.slice(0, at);
      if (!ENV_VAR_NAME.test(name) || name === '.' || name === '..')
        throw new PlainError(
          `${JSON.stringify(name)} is not a valid key name: ${ENV_VAR_NAME_MESSAGE}`,
        );
      given.add(name);
      env.push(envVar(name, spec.slice(at + 1)));
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw new PlainError(`unknown environment variable: ${spec}`);
  }
  if (remove.some((name) => given.has(name)))
    throw new PlainError(
      'can not both modify and remove the same environment variable in the same command',
    );
  return { env, remove };
}

/** A variable as the API (and kubectl's typed object) holds it: an empty value is omitted. */
function envVar(name: string, value: string): EnvVar {
  return value === '' ? { name } : { name, value };
}

/** readEnv: each line cut at its first `#`; those with a `=` are `KEY=VALUE` (others ignored). */
function readEnvLines(text: string): EnvVar[] {
  const env: EnvVar[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw; // bufio.ScanLines drops the \r
    const hash = line.indexOf('#');
    const spec = hash < 0 ? line : line.slice(0, hash);
    const at = spec.indexOf('=');
    if (at >= 0) env.push(envVar(spec.slice(0, at), spec.slice(at + 1)));
  }
  return env;
}

/** validateNoOverwrites: a variable given a different value needs --overwrite. */
export function checkNoOverwrites(existing: readonly EnvVar[], env: readonly EnvVar[]): void {
  for (const wanted of env) {
    const current = existing.find((e) => e.name === wanted.name);
    if (current && current.value !== wanted.value)
      throw new Error(
        `'${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`,
      );
  }
}

/** updateEnv: existing order kept (changed in place, removed dropped), new ones appended. */
export function updateEnv(
  existing: readonly EnvVar[],
  env: readonly EnvVar[],
  remove: readonly string[],
): EnvVar[] {
  const covered = new Set(remove);
  const out: EnvVar[] = [];
  for (const current of existing) {
    if (covered.has(current.name)) continue;
    const newer = env.find((e) => e.name === current.name);
    if (newer) covered.add(current.name);
    out.push(newer ?? current);
  }
  for (const wanted of env) {
    if (covered.has(wanted.name)) continue;
    covered.add(wanted.name);
    out.push(wanted);
  }
  return out;
}

/** keyToEnvName: characters outside [A-Za-z0-9_] become `_`, then upper case. */
export function keyToEnvName(key: string): string {
  return key.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
}

/** envutil.GetEnvVarRefString: where a valueFrom points, as --list prints it. */
export function envVarRefString(from: Record<string, unknown>): string {
  const ref = (field: string): Record<string, unknown> | undefined =>
    from[field] as Record<string, unknown> | undefined;
  const configMap = ref('configMapKeyRef');
  if (configMap) return `configmap ${String(configMap['name'])}, key ${String(configMap['key'])}`;
  const secret = ref('secretKeyRef');
  if (secret) return `secret ${String(secret['name'])}, key ${String(secret['key'])}`;
  const field = ref('fieldRef');
  if (field) return `field path ${String(field['fieldPath'])}`;
  const resource = ref('resourceFieldRef');
  if (resource) {
    const container = resource['containerName'] ? `${String(resource['containerName'])}/` : '';
    return `resource field ${container}${String(resource['resource'])}`;
  }
  return 'invalid valueFrom';
}
