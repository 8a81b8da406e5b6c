/** klog's severity letters. */
export type KlogSeverity = 'I' | 'W' | 'E';

/**
 * A line in klog's text format, as kubectl writes its logs to stderr:
 * `W1122 18:08:43.581127   26838 prune.go:71] message`.
 */
export function klogLine(
  severity: KlogSeverity,
  source: string,
  message: string,
  now = new Date(),
): string {
  return `${klogHeader(severity, source, now)} ${message}\n`;
}

/** The header of a klog line up to and including `source]`. */
export function klogHeader(severity: KlogSeverity, source: string, now = new Date()): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const date = `${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}.${pad(now.getMilliseconds() * 1000, 6)}`;
  return `${severity}${date} ${time} ${String(process.pid).padStart(7)} ${source}]`;
}
