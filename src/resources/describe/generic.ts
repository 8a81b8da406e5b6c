/** kubectl's generic describer: Name, Namespace, Labels, Annotations, then every field as `Smart Label: value`. */
import type { DescribeContext } from './context.js';
import type { Obj } from './fields.js';
import { obj, str, strMap } from './fields.js';
import { maybeEvents } from './events.js';
import { annotationsMultiline, labelsMultiline } from './multiline.js';
import { PrefixWriter } from './prefix-writer.js';

const SKIPPED = new Set([
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]);
const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

function runeClass(c: string): number {
  if (c.toLowerCase() !== c.toUpperCase()) return c === c.toLowerCase() ? 1 : 2;
  if (/\d/.test(c)) return 3;
  return 4;
}

/** fatih/camelcase.Split. */
export function camelSplit(text: string): string[] {
  const runs: string[][] = [];
  let last = 0;
  for (const c of text) {
    const cls = runeClass(c);
    if (cls === last && runs.length > 0) (runs[runs.length - 1] as string[]).push(c);
    else runs.push([c]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const a = runs[i] as string[];
    const b = runs[i + 1] as string[];
    if (runeClass(a[0] ?? '') === 2 && runeClass(b[0] ?? '') === 1 && a.length > 0) {
      b.unshift(a.pop() as string);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** smartLabelFor: `creationTimestamp` → `Creation Timestamp`, `apiVersion` → `API Version`. */
export function smartLabel(field: string): string {
  if ([...field].some((c) => c !== '-' && c.toLowerCase() === c.toUpperCase())) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) =>
      ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1),
    )
    .join(' ');
}

/** Go's %v of a JSON scalar. */
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'number' && !Number.isInteger(value)) {
    const text = String(value);
    return text.includes('e') ? value.toExponential().replace(/e([+-])(\d)$/, 'e$10$2') : text;
  }
  return String(value);
}

/** printUnstructuredContent. */
export function printContent(w: PrefixWriter, level: number, content: Obj, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIPPED.has(path)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, value as Obj, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child))
          printContent(w, level + 1, child as Obj, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else w.write(level, `${smartLabel(field)}:\t${goValue(value)}\n`);
  }
}

/** The generic describer. */
export function describeGeneric(object: Obj, context: DescribeContext): string {
  const w = new PrefixWriter();
  const metadata = obj(object, 'metadata');
  w.write(0, `Name:\t${str(metadata, 'name')}\n`);
  w.write(0, `Namespace:\t${str(metadata, 'namespace')}\n`);
  labelsMultiline(w, 'Labels', strMap(metadata, 'labels'));
  annotationsMultiline(w, 'Annotations', strMap(metadata, 'annotations'));
  printContent(w, 0, object, '');
  maybeEvents(w, context);
  return w.text();
}
