/** kubectl proxy's default request filter (pkg/proxy). */
export const DEFAULT_FILTER = {
  acceptHosts: '^localhost$,^127\\.0\\.0\\.1$,^\\[::1\\]$',
  acceptPaths: '^.*',
  rejectPaths: '^/api/.*/pods/.*/exec,^/api/.*/pods/.*/attach',
  rejectMethods: '^$',
} as const;

/** Compiled filter: comma-separated regular expressions, each matched anywhere (Go's MatchString). */
export interface ProxyFilter {
  acceptHosts: RegExp[];
  acceptPaths: RegExp[];
  rejectPaths: RegExp[];
  rejectMethods: RegExp[];
}

/** Compiles one comma-separated list of expressions (empty entries are skipped). */
export function compileList(text: string): RegExp[] {
  return text
    .split(',')
    .filter((part) => part !== '')
    .map((part) => new RegExp(part));
}

/** Compiles all four lists. */
export function compileFilter(lists: Record<keyof ProxyFilter, string>): ProxyFilter {
  return {
    acceptHosts: compileList(lists.acceptHosts),
    acceptPaths: compileList(lists.acceptPaths),
    rejectPaths: compileList(lists.rejectPaths),
    rejectMethods: compileList(lists.rejectMethods),
  };
}

function matches(value: string, list: readonly RegExp[]): boolean {
  return list.some((re) => re.test(value));
}

/**
 * Go's net.SplitHostPort host part, or '' when the Host header has no port (kubectl then
 * rejects the request, since '' matches no default host expression).
 */
export function hostOfHeader(hostHeader: string): string {
  const bracketed = /^\[([^\]]*)\]:[^:]*$/.exec(hostHeader);
  if (bracketed) return bracketed[1] ?? '';
  const parts = hostHeader.split(':');
  return parts.length === 2 ? (parts[0] ?? '') : '';
}

/** FilterServer.accept: reject paths and methods first, then require an accepted path and host. */
export function accepts(filter: ProxyFilter, method: string, path: string, host: string): boolean {
  if (matches(path, filter.rejectPaths)) return false;
  if (matches(method, filter.rejectMethods)) return false;
  return matches(path, filter.acceptPaths) && matches(host, filter.acceptHosts);
}
