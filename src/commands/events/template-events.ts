import type { ObjectPrinter } from '../../printers/object-printer.js';
import { TabWriter } from '../../resources/tabwriter/tabwriter.js';

/** A template printer whose output is held until it is written through the tabwriter. */
export interface TemplateEvents {
  printer: ObjectPrinter;
  /** Takes what the printer wrote since the last take. */
  take(): string;
}

/** Creates the printer (see templatePrinter) over a buffer of its own. */
export function templateEvents(make: (write: (text: string) => void) => ObjectPrinter | undefined) {
  let text = '';
  const printer = make((chunk) => (text += chunk));
  if (!printer) return undefined;
  const take = (): string => {
    const taken = text;
    text = '';
    return taken;
  };
  return { printer, take };
}

/**
 * Prints one object with a template printer as kubectl's events does: through a tabwriter
 * (a failing go-template's dump is indented with tabs, which it turns into spaces), and with
 * what the printer returns dropped, so a failing template ends nothing and the exit code stays 0.
 */
export function printIgnoringErrors(
  template: TemplateEvents,
  object: object,
  write: (text: string) => void,
): void {
  try {
    template.printer.single(object);
    template.printer.flush();
  } catch {
    // as kubectl: the error is not reported
  }
  writeTabbed(template.take(), write);
}

/** Text through Go's tabwriter with kubectl's settings, flushed at its end. */
export function writeTabbed(text: string, write: (text: string) => void): void {
  if (!text.includes('\t')) {
    write(text);
    return;
  }
  let aligned = '';
  const table = new TabWriter((chunk) => (aligned += chunk));
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  for (const line of lines) table.writeLine(line.split('\t'));
  if (last !== '') table.writeLine(last.split('\t'));
  table.flush();
  write(last !== '' && aligned.endsWith('\n') ? aligned.slice(0, -1) : aligned);
}
