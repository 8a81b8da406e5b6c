import { useEffect, useMemo, useState } from 'react';
import type { HttpClient } from '../../transport/http-client.js';
import type { LogSource } from '../model/log-stream.js';
import { LogStream } from '../model/log-stream.js';

/** Follows a container's log while the view is shown; re-renders at most ten times a second. */
export function useLogStream(
  client: HttpClient,
  source: LogSource,
): { stream: LogStream; frame: number } {
  const key = `${source.namespace}/${source.pod}/${source.container}`;
  const [frame, setFrame] = useState(0);
  const stream = useMemo(
    () => new LogStream(client, source, () => setFrame((n) => n + 1)),
    [client, key],
  );
  useEffect(() => {
    void stream.run();
    return () => stream.stop();
  }, [stream]);
  return { stream, frame };
}
