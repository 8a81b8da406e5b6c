/** The benchmark's scenarios: the same arguments given to ktl and to kubectl. */
export type Tool = 'ktl' | 'kubectl';

export interface Scenario {
  name: string;
  args: string[];
  /** Empty the discovery cache before every run. */
  coldCache?: boolean;
  /** Needs the bench namespace filled with pods first. */
  needsPods?: boolean;
  /** Also count HTTP requests (with -v=6). */
  countRequests?: boolean;
  prepare?: (kubectl: string, env: NodeJS.ProcessEnv) => void;
}

export const BENCH_NAMESPACE = 'ktl-bench';

export const scenarios: Scenario[] = [
  { name: 'version --client', args: ['version', '--client'] },
  { name: 'get --raw /version', args: ['get', '--raw', '/version'], countRequests: true },
  { name: 'get pods (warm cache)', args: ['get', 'pods', '-n', 'default'], countRequests: true },
  { name: 'get pods (cold cache)', args: ['get', 'pods', '-n', 'default'], coldCache: true },
  { name: 'get pods -A (bench pods)', args: ['get', 'pods', '-A'], needsPods: true },
  {
    name: 'get pods -A -o json (bench pods)',
    args: ['get', 'pods', '-A', '-o', 'json'],
    needsPods: true,
  },
  { name: '__complete get po ""', args: ['__complete', 'get', 'po', ''] },
  { name: '__complete get pods ""', args: ['__complete', 'get', 'pods', ''] },
];
