import type { HttpClient } from '../../transport/http-client.js';
import { PODS_REF } from '../../resources/resource-ref.js';
import { watchEvents } from '../../resources/watch-stream.js';
import type { Pod } from '../../resources/pods/pod-types.js';

/** Whether a pod has containers whose logs can be read (it has left Pending). */
export function podHasStarted(pod: Pod): boolean {
  const phase = pod.status?.phase ?? '';
  return phase === 'Running' || phase === 'Succeeded' || phase === 'Failed';
}

/**
 * Watches pods matching a selector from resourceVersion on and calls onStarted once per pod UID
 * when it has started (beyond kubectl: `logs -l … -f` picks up pods created later, as stern
 * does). Re-watches when the server ends the watch; runs until the signal aborts.
 */
export async function watchStartedPods(
  client: HttpClient,
  namespace: string,
  selector: string,
  resourceVersion: string | undefined,
  onStarted: (pod: Pod) => void,
  signal: AbortSignal,
): Promise<void> {
  let version = resourceVersion;
  while (!signal.aborted) {
    try {
      for await (const event of watchEvents<Pod>(client, PODS_REF, {
        namespace,
        labelSelector: selector,
        ...(version ? { resourceVersion: version } : {}),
        allowBookmarks: true,
        signal,
      })) {
        const meta = event.object.metadata as Pod['metadata'] & { resourceVersion?: string };
        if (meta.resourceVersion) version = meta.resourceVersion;
        if (event.type === 'ERROR') {
          version = undefined;
          break;
        }
        if ((event.type === 'ADDED' || event.type === 'MODIFIED') && podHasStarted(event.object))
          onStarted(event.object);
      }
    } catch (error) {
      if (signal.aborted) return;
      version = undefined;
      void error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
