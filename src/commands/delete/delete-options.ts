/** What `ktl delete` was asked to do, after flag parsing. */
export interface DeleteOptions {
  args: string[];
  filename: string[];
  recursive: boolean;
  selector: string;
  fieldSelector: string;
  all: boolean;
  allNamespaces: boolean;
  cascade: 'background' | 'foreground' | 'orphan';
  /** Seconds, or -1 for the object's default. */
  gracePeriod: number;
  force: boolean;
  wait: boolean;
  timeoutMs: number;
  ignoreNotFound: boolean;
  dryRun: 'none' | 'client' | 'server';
  output: '' | 'name';
}

/** The DeleteOptions body kubectl sends. */
export function deleteBody(options: DeleteOptions): string {
  const body: Record<string, unknown> = {
    kind: 'DeleteOptions',
    apiVersion: 'v1',
    propagationPolicy: options.cascade[0]!.toUpperCase() + options.cascade.slice(1),
  };
  if (options.gracePeriod >= 0) body['gracePeriodSeconds'] = options.gracePeriod;
  if (options.dryRun === 'server') body['dryRun'] = ['All'];
  return JSON.stringify(body);
}
