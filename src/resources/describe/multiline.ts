/** kubectl's multi-line printers for labels, annotations, tolerations and taints. */
import type { PrefixWriter } from './prefix-writer.js';
import type { Obj } from './fields.js';
import { num, str } from './fields.js';

const MAX_ANNOTATION_LEN = 140;
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** printLabelsMultilineWithIndent. */
export function labelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Record<string, string> | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, `${initialIndent}${innerIndent}`);
    w.write(0, `${key}=${labels?.[key] ?? ''}\n`);
  });
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}...` : text;
}

/** printAnnotationsMultiline. */
export function annotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIPPED_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = (annotations?.[key] ?? '').replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const line of value.split('\n'))
        w.write(0, `\t  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
    } else w.write(0, `${key}: ${value}\n`);
  });
}

/** printTolerationsMultilineWithIndent. */
export function tolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: Obj[],
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  if (tolerations.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  const sorted = [...tolerations].sort((a, b) =>
    str(a, 'key') < str(b, 'key') ? -1 : str(a, 'key') > str(b, 'key') ? 1 : 0,
  );
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, `${initialIndent}${innerIndent}`);
    let text = str(t, 'key');
    if (str(t, 'value')) text += `=${str(t, 'value')}`;
    if (str(t, 'effect')) text += `:${str(t, 'effect')}`;
    if (str(t, 'operator') === 'Exists' && !str(t, 'value'))
      text += str(t, 'key') || str(t, 'effect') ? ' op=Exists' : 'op=Exists';
    if (t['tolerationSeconds'] !== undefined && t['tolerationSeconds'] !== null)
      text += ` for ${num(t, 'tolerationSeconds')}s`;
    w.write(0, `${text}\n`);
  });
}

/** printTaintsMultilineWithIndent. */
export function taintsMultiline(
  w: PrefixWriter,
  title: string,
  taints: Obj[],
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  if (taints.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
  const lines: string[] = [];
  for (const effect of effects)
    for (const t of taints)
      if (str(t, 'effect') === effect)
        lines.push(`${str(t, 'key')}${str(t, 'value') ? `=${str(t, 'value')}` : ''}:${effect}`);
  for (const t of taints)
    if (!effects.includes(str(t, 'effect'))) lines.push(`${str(t, 'key')}:${str(t, 'effect')}`);
  lines.forEach((line, i) => {
    if (i !== 0) w.write(0, `${initialIndent}${innerIndent}`);
    w.write(0, `${line}\n`);
  });
}
