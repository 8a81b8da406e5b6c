import { Session } from 'node:inspector/promises';

/** A running profile: stop() writes it to its file. */
export interface RunningProfile {
  stop(): Promise<void>;
}

/** Starts V8's CPU profiler or its sampling heap profiler; stop() hands the profile to `write`. */
export async function startV8Profile(
  name: 'cpu' | 'heap',
  write: (profile: unknown) => void,
): Promise<RunningProfile> {
  const session = new Session();
  session.connect();
  if (name === 'cpu') {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    return {
      stop: async () => {
        const { profile } = await session.post('Profiler.stop');
        session.disconnect();
        write(profile);
      },
    };
  }
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling');
  return {
    stop: async () => {
      // as kubectl collects garbage before it writes its heap profile: what is still alive
      await session.post('HeapProfiler.collectGarbage');
      const { profile } = await session.post('HeapProfiler.stopSampling');
      session.disconnect();
      write(profile);
    },
  };
}
