/** What a `:` command asks for. */
export type DashCommand =
  | { kind: 'quit' }
  | { kind: 'help' }
  | { kind: 'namespaces' }
  | { kind: 'namespace'; name: string }
  | { kind: 'contexts' }
  | { kind: 'context'; name: string }
  | { kind: 'portForwards' }
  | { kind: 'xray'; type: string; namespace?: string }
  | { kind: 'resource'; type: string; scope: ResourceArgs }
  | { kind: 'empty' };

/** The arguments after a type name, in k9s's forms. */
export interface ResourceArgs {
  /** A namespace, '' for all (`all`, `-A`, `*`); absent: the current one. */
  namespace?: string;
  /** `app=web,tier!=db`: a label selector. */
  labelSelector?: string;
  /** `/regex`: a row filter (the rest of the line). */
  filter?: string;
  /** `@ctx`: another context. */
  context?: string;
}

/**
 * k9s's built-in aliases that are not Kubernetes short names (`:cm`, `:deploy`, `:svc` are,
 * and the REST mapper reads those): each stands for a name the mapper knows.
 */
export const K9S_ALIASES: Readonly<Record<string, string>> = {
  dp: 'deployments.apps',
  sec: 'secrets',
  jo: 'jobs.batch',
  cr: 'clusterroles.rbac.authorization.k8s.io',
  crb: 'clusterrolebindings.rbac.authorization.k8s.io',
  ro: 'roles.rbac.authorization.k8s.io',
  rb: 'rolebindings.rbac.authorization.k8s.io',
  np: 'networkpolicies.networking.k8s.io',
};

/** k9s's names of its port-forward list. */
const PORT_FORWARDS = ['pf', 'portforward', 'portforwards'];

const SPECIAL = [
  'ns',
  'namespace',
  'ctx',
  'context',
  'contexts',
  ...PORT_FORWARDS,
  'xray',
  'help',
  'quit',
  'q',
];

/** `all`, `-A` and `*` all mean every namespace (''). */
function namespaceArg(arg: string): string {
  return arg === 'all' || arg === '-A' || arg === '*' ? '' : arg;
}

/** Whether a word is a label selector (`app=web`, `app=web,tier!=db`, `app==web`). */
function isSelector(word: string): boolean {
  return word.split(',').every((term) => /^[\w./-]+(==?|!=)[\w.-]*$/.test(term));
}

/**
 * The arguments of `:pods`: `kube-system`, `all`, `app=web`, `/regex`, `@ctx`, in any order
 * (k9s's command forms). A `/` starts the filter, which runs to the end of the line.
 */
export function parseResourceArgs(text: string): ResourceArgs {
  const args: ResourceArgs = {};
  const slash = text.search(/(^|\s)\//);
  const words = (slash >= 0 ? text.slice(0, slash) : text).split(/\s+/).filter(Boolean);
  if (slash >= 0) {
    const filter = text.slice(slash).trim().slice(1).trim();
    if (filter !== '') args.filter = filter;
  }
  for (const word of words) {
    if (word.startsWith('@') && word.length > 1) args.context = word.slice(1);
    else if (isSelector(word))
      args.labelSelector = args.labelSelector ? `${args.labelSelector},${word}` : word;
    else args.namespace = namespaceArg(word);
  }
  return args;
}

/** Parses `:pods`, `:deploy kube-system`, `:pod app=web /db @ctx`, `:ns`, `:ns demo`, `:ctx`, `:q`. */
export function parseCommand(text: string): DashCommand {
  const trimmed = text.trim();
  const word = trimmed.split(/\s+/)[0] ?? '';
  const rest = trimmed.slice(word.length).trim();
  const name = word.toLowerCase();
  if (name === '') return { kind: 'empty' };
  if (name === 'q' || name === 'quit' || name === 'q!') return { kind: 'quit' };
  if (name === 'help' || name === '?') return { kind: 'help' };
  if (PORT_FORWARDS.includes(name)) return { kind: 'portForwards' };
  const arg = rest.split(/\s+/)[0] ?? '';
  if (name === 'xray') {
    const ns = rest.split(/\s+/)[1];
    return {
      kind: 'xray',
      type: K9S_ALIASES[arg.toLowerCase()] ?? arg,
      ...(ns !== undefined ? { namespace: namespaceArg(ns) } : {}),
    };
  }
  if (name === 'ctx' || name === 'context' || name === 'contexts')
    return arg ? { kind: 'context', name: arg } : { kind: 'contexts' };
  if (name === 'ns' || name === 'namespace' || name === 'namespaces')
    return arg ? { kind: 'namespace', name: namespaceArg(arg) } : { kind: 'namespaces' };
  return { kind: 'resource', type: K9S_ALIASES[name] ?? word, scope: parseResourceArgs(rest) };
}

/** Completions of what has been typed: command words and type names, or context names. */
export function completeCommand(
  text: string,
  typeNames: readonly string[],
  contexts: readonly string[],
): string[] {
  const words = text.split(/\s+/);
  if (words.length <= 1) {
    const prefix = (words[0] ?? '').toLowerCase();
    const types = typeNames.filter((n) => n.startsWith(prefix));
    const special = SPECIAL.filter((s) => s.startsWith(prefix));
    return [...new Set([...types, ...special])].slice(0, 50);
  }
  const [first = '', second = ''] = words;
  if (['ctx', 'context', 'contexts'].includes(first.toLowerCase()))
    return contexts.filter((c) => c.startsWith(second)).map((c) => `${first} ${c}`);
  return [];
}
