/** Switch to the alternate screen, clear it, hide the cursor. */
export const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[2J\u001b[H\u001b[?25l';
/** Show the cursor and go back to the normal screen (its contents come back as they were). */
export const LEAVE_ALTERNATE_SCREEN = '\u001b[?25h\u001b[?1049l';

/** A writable terminal. */
interface Terminal {
  write(text: string): unknown;
}

/** The raw-mode input a crash may leave behind. */
interface RawInput {
  isTTY?: boolean;
  setRawMode?: (raw: boolean) => unknown;
}

/**
 * Enters the alternate screen and makes sure the terminal is given back on every way out:
 * `restore()` (normal exit), the process's `exit` event, and an uncaught exception (before
 * Node prints it, so the message lands on the normal screen). Signals are the caller's: it
 * unmounts the app and then calls `restore()`.
 */
export function enterAlternateScreen(
  out: Terminal,
  input: RawInput,
): { restore: () => void; suspend: () => void; resume: () => void } {
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    process.off('exit', restore);
    process.off('uncaughtExceptionMonitor', restore);
    if (input.isTTY && input.setRawMode) {
      try {
        input.setRawMode(false);
      } catch {
        // the terminal is gone; nothing to give back
      }
    }
    out.write(LEAVE_ALTERNATE_SCREEN);
  };
  out.write(ENTER_ALTERNATE_SCREEN);
  process.on('exit', restore);
  process.on('uncaughtExceptionMonitor', restore);
  // A program the terminal is handed to (a shell, an editor) draws on the normal screen.
  const suspend = (): void => void out.write(LEAVE_ALTERNATE_SCREEN);
  const resume = (): void => void out.write(ENTER_ALTERNATE_SCREEN);
  return { restore, suspend, resume };
}

/** Calls `onSignal` with the signal's exit code (128 + number) on SIGTERM, SIGHUP or SIGINT. */
export function onTerminationSignals(onSignal: (exitCode: number) => void): () => void {
  const handlers: Array<[NodeJS.Signals, () => void]> = [
    ['SIGTERM', () => onSignal(143)],
    ['SIGHUP', () => onSignal(129)],
    ['SIGINT', () => onSignal(130)],
  ];
  for (const [signal, handler] of handlers) process.on(signal, handler);
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}
