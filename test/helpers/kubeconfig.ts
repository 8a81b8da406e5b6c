/** The parts of a test kubeconfig with one cluster, one user and one context (`t`). */
export interface SingleContext {
  server: string;
  /** Lines under `cluster:` besides `server:`, indented four spaces. */
  clusterYaml: string;
  /** Lines under `user:`, indented four spaces. */
  userYaml: string;
  user?: string;
  namespace?: string;
}

/** A kubeconfig whose current context `t` joins cluster `t` and one user. */
export function singleContextKubeconfig(parts: SingleContext): string {
  const user = parts.user ?? 'u';
  const namespace = parts.namespace ? `, namespace: ${parts.namespace}` : '';
  return `apiVersion: v1
kind: Config
current-context: t
clusters:
- name: t
  cluster:
    server: ${parts.server}
${parts.clusterYaml}
contexts:
- name: t
  context: {cluster: t, user: ${user}${namespace}}
users:
- name: ${user}
  user:
${parts.userYaml}
`;
}
