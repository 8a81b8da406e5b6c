/**
 * The global flags that concern the ktl process rather than the cluster: klog's
 * --log-flush-frequency and --vmodule, and kubectl's --profile/--profile-output.
 *
 * What ktl can honestly do with each:
 * - --log-flush-frequency: ktl writes its log lines (-v) unbuffered, so there is nothing to
 *   flush; the value is checked as klog checks it, and a non-positive one, which makes kubectl
 *   panic, is refused.
 * - --vmodule: klog's per-Go-source-file verbosity; ktl has no Go files for a pattern to match,
 *   so a valid list changes nothing. It is checked with klog's errors.
 * - --profile cpu|heap: Node's inspector records V8's CPU profile (the `.cpuprofile` JSON that
 *   Chrome DevTools and speedscope open) or V8's sampling heap profile (`.heapprofile`), written
 *   to --profile-output. They are not pprof files: Go's pprof formats hold a Go runtime's data.
 * - --profile goroutine|threadcreate|block|mutex: Go runtime profiles a Node.js program does not
 *   have; ktl refuses them rather than write a file that only looks like one.
 */
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { GO_ERRNO_TEXT } from '../config/plugin-path.js';
import { parseGoDuration } from '../config/duration.js';
import { FlagValueError, PlainError } from '../errors/errors.js';
import type { RunningProfile } from './v8-profile.js';

export type { RunningProfile } from './v8-profile.js';

const GO_ONLY_PROFILES = new Set(['goroutine', 'threadcreate', 'block', 'mutex']);
/** pprof.Lookup's other profiles, which kubectl's --profile accepts too. */
const GO_LOOKUP_PROFILES = new Set(['allocs']);

export interface ProcessFlags {
  logFlushFrequency?: string;
  vmodule?: string;
  profile?: string;
  profileOutput?: string;
}

/** Checks --log-flush-frequency and --vmodule as pflag parses them (errors name the command). */
export function checkLoggingFlags(flags: ProcessFlags, commandPath: string): void {
  const frequency = flags.logFlushFrequency;
  if (frequency !== undefined) {
    const ms = parseGoDuration(frequency);
    if (ms === undefined)
      throw new FlagValueError('--log-flush-frequency', frequency, 'parse error', commandPath);
    if (ms <= 0)
      throw new FlagValueError(
        '--log-flush-frequency',
        frequency,
        'non-positive interval for NewTicker',
        commandPath,
      );
  }
  if (flags.vmodule !== undefined) {
    const problem = vmoduleProblem(flags.vmodule);
    if (problem) throw new FlagValueError('--vmodule', flags.vmodule, problem, commandPath);
  }
}

/** klog's moduleSpec.Set: `pattern=N` items, empty items skipped, N a non-negative int32. */
function vmoduleProblem(value: string): string | undefined {
  const syntax = 'syntax error: expect comma-separated list of filename=N';
  for (const item of value.split(',')) {
    if (item === '') continue;
    const parts = item.split('=');
    const [pattern = '', level = ''] = parts;
    if (parts.length !== 2 || pattern === '' || !/^[+-]?\d+$/.test(level)) return syntax;
    const number = Number(level);
    if (number > 2147483647 || number < -2147483648) return syntax;
    if (number < 0) return 'negative value for vmodule level';
  }
  return undefined;
}

/**
 * Starts the profile --profile names (kubectl's initProfiling, run before the command): none
 * for `none`; the CPU profile's file is created first, so a bad path fails before the command.
 */
export async function startProfile(flags: ProcessFlags): Promise<RunningProfile | undefined> {
  const name = flags.profile ?? 'none';
  const output = flags.profileOutput ?? 'profile.pprof';
  if (name === 'none') return undefined;
  if (name !== 'cpu' && name !== 'heap') {
    if (GO_ONLY_PROFILES.has(name) || GO_LOOKUP_PROFILES.has(name))
      throw new PlainError(
        `profile '${name}' is a Go runtime profile, which ktl (a Node.js program) does not have; ktl can capture 'cpu' or 'heap' (as V8 profiles)`,
      );
    throw new PlainError(`unknown profile '${name}'`);
  }
  if (name === 'cpu') createFile(output);
  // its own module, loaded only here: a dynamic import of node:inspector itself fails in the bundle
  const { startV8Profile } = await import('./v8-profile.js');
  return startV8Profile(name, (profile) => writeProfile(output, profile));
}

function createFile(path: string): void {
  try {
    closeSync(openSync(path, 'w'));
  } catch (error) {
    throw new PlainError(goOpenError(path, error));
  }
}

function writeProfile(path: string, profile: unknown): void {
  try {
    writeFileSync(path, JSON.stringify(profile));
  } catch (error) {
    throw new PlainError(goOpenError(path, error));
  }
}

function goOpenError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const why = code === 'EISDIR' ? 'is a directory' : GO_ERRNO_TEXT[code];
  return `open ${path}: ${why ?? (error instanceof Error ? error.message : String(error))}`;
}
