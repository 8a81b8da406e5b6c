/** The pod and container an exec of `cp` runs in, found as kubectl's ExecOptions.Run finds them. */
import { PlainError } from '../../errors/errors.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { Pod } from '../../resources/pods/pod-types.js';
import { defaultContainer } from '../../resources/pods/pod-types.js';

/** Where one exec runs. */
export interface ExecTarget {
  namespace: string;
  pod: string;
  container: string;
}

/**
 * GETs the pod (its NotFound is the error), refuses a completed one, and picks the container:
 * the one named with -c (the server checks it), else the default with kubectl's note.
 */
export async function execTarget(
  client: HttpClient,
  namespace: string,
  podName: string,
  container: string,
  note: (line: string) => void,
): Promise<ExecTarget> {
  const pod = await client.json<Pod>({
    path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(podName)}`,
  });
  const phase = pod.status?.phase ?? '';
  if (phase === 'Succeeded' || phase === 'Failed')
    throw new PlainError(
      `cannot exec into a container in a completed pod; current phase is ${phase}`,
    );
  return { namespace, pod: podName, container: container || defaultContainer(pod, note) };
}
