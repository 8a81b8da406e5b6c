/** What `ktl delete` was asked to do, after flag parsing. */
export interface DeleteOptions {
  args: string[];
  filename: string[];
  kustomize?: string;
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
  /** -i: list the objects and delete them only when the user answers y. */
  interactive: boolean;
}
