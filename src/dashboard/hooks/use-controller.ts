import { useStdin } from 'ink';
import { useEffect, useSyncExternalStore } from 'react';
import type { DashController } from '../controller/dash-controller.js';

/**
 * Connects the controller to React and to the terminal: redraws when it changes, and hands it
 * every input event Ink reads (raw, before Ink's one-key-per-event parsing, so that a read
 * holding several keys is split by the controller, not merged into one).
 */
export function useController(controller: DashController): void {
  useSyncExternalStore(controller.subscribe, controller.getVersion);
  const { internal_eventEmitter: events, setRawMode } = useStdin();
  useEffect(() => {
    setRawMode(true);
    const onInput = (data: string): void => controller.input(data);
    events.on('input', onInput);
    return () => {
      events.removeListener('input', onInput);
      setRawMode(false);
    };
  }, [controller, events, setRawMode]);
}
