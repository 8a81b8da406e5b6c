/**
 * Rewrites pflag spellings that commander does not read into ones it does: `-v=6` and
 * `-n=ns` (a one-letter flag joined to its value by "="). Arguments after `--` are untouched.
 */
export function normalizeArgv(args: readonly string[]): string[] {
  const result: string[] = [];
  let passthrough = false;
  for (const arg of args) {
    if (passthrough) result.push(arg);
    else if (arg === '--') {
      passthrough = true;
      result.push(arg);
    } else if (/^-[A-Za-z]=/.test(arg)) result.push(arg.slice(0, 2), arg.slice(3));
    else result.push(arg);
  }
  return result;
}
