/** kubectl's ConfigMap, Secret and Namespace describers. */
import type { DescribeContext } from './context.js';
import type { Obj } from './fields.js';
import { arr, obj, rfc1123z, str, strMap } from './fields.js';
import { maybeEvents } from './events.js';
import { annotationsMultiline, labelsMultiline } from './multiline.js';
import { PrefixWriter } from './prefix-writer.js';

function nameBlock(w: PrefixWriter, object: Obj, namespaced = true): void {
  const metadata = obj(object, 'metadata');
  w.write(0, `Name:\t${str(metadata, 'name')}\n`);
  if (namespaced) w.write(0, `Namespace:\t${str(metadata, 'namespace')}\n`);
  labelsMultiline(w, 'Labels', strMap(metadata, 'labels'));
  annotationsMultiline(w, 'Annotations', strMap(metadata, 'annotations'));
}

/** Bytes in a base64 value. */
function decodedLength(value: string): number {
  return Buffer.from(value, 'base64').length;
}

/** describeConfigMap: data shown, binary data as sizes. */
export function describeConfigMap(cm: Obj, context: DescribeContext): string {
  const w = new PrefixWriter();
  nameBlock(w, cm);
  w.write(0, '\nData\n====\n');
  const data = strMap(cm, 'data');
  for (const key of Object.keys(data).sort()) {
    w.write(0, `${key}:\n----\n`);
    w.write(0, `${data[key] ?? ''}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  const binary = strMap(cm, 'binaryData');
  for (const key of Object.keys(binary).sort())
    w.write(0, `${key}: ${decodedLength(binary[key] ?? '')} bytes\n`);
  w.write(0, '\n');
  maybeEvents(w, context);
  return w.text();
}

/** describeSecret: values hidden (`key:  N bytes`), except a service account token. */
export function describeSecret(secret: Obj): string {
  const w = new PrefixWriter();
  nameBlock(w, secret);
  const type = str(secret, 'type');
  w.write(0, `\nType:\t${type}\n`);
  w.write(0, '\nData\n====\n');
  const data = strMap(secret, 'data');
  for (const key of Object.keys(data).sort()) {
    const value = data[key] ?? '';
    if (key === 'token' && type === 'kubernetes.io/service-account-token')
      w.write(0, `${key}:\t${Buffer.from(value, 'base64').toString('utf8')}\n`);
    else w.write(0, `${key}:\t${decodedLength(value)} bytes\n`);
  }
  return w.text();
}

function quotas(w: PrefixWriter, list: Obj[]): void {
  if (list.length === 0) {
    w.write(0, 'No resource quota.\n');
    return;
  }
  w.write(0, 'Resource Quotas\n');
  const sorted = [...list].sort((a, b) =>
    str(obj(a, 'metadata'), 'name') < str(obj(b, 'metadata'), 'name') ? -1 : 1,
  );
  for (const q of sorted) {
    w.write(1, `Name:\t${str(obj(q, 'metadata'), 'name')}\n`);
    const scopes = [...((obj(q, 'spec')['scopes'] as string[] | undefined) ?? [])].sort();
    if (scopes.length > 0) w.write(1, `Scopes:\t${scopes.join(', ')}\n`);
    w.write(1, 'Resource\tUsed\tHard\n');
    w.write(1, '--------\t---\t---\n');
    const hard = strMap(obj(q, 'status'), 'hard');
    const used = strMap(obj(q, 'status'), 'used');
    for (const name of Object.keys(hard).sort())
      w.write(1, `${name}\t${used[name] ?? '0'}\t${hard[name] ?? ''}\n`);
  }
}

function limitRanges(w: PrefixWriter, list: Obj[]): void {
  if (list.length === 0) {
    w.write(0, 'No LimitRange resource.\n');
    return;
  }
  w.write(
    0,
    'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n',
  );
  w.write(
    0,
    ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n',
  );
  for (const range of list)
    for (const item of arr(obj(range, 'spec'), 'limits')) {
      const names = new Set<string>();
      for (const key of ['min', 'max', 'default', 'defaultRequest', 'maxLimitRequestRatio'])
        for (const n of Object.keys(obj(item, key))) names.add(n);
      for (const name of [...names].sort()) {
        const cell = (key: string): string => String(obj(item, key)[name] ?? '-');
        w.write(
          0,
          ` ${str(item, 'type')}\t${name}\t${cell('min')}\t${cell('max')}\t${cell('defaultRequest')}\t${cell('default')}\t${cell('maxLimitRequestRatio')}\n`,
        );
      }
    }
}

/** describeNamespace; related.resourceQuotas and related.limitRanges are listed in it. */
export function describeNamespace(ns: Obj, context: DescribeContext): string {
  const w = new PrefixWriter();
  nameBlock(w, ns, false);
  const status = obj(ns, 'status');
  w.write(0, `Status:\t${str(status, 'phase')}\n`);
  const conditions = arr(status, 'conditions');
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conditions)
      w.write(
        1,
        `${str(c, 'type')}\t${str(c, 'status')}\t${rfc1123z(str(c, 'lastTransitionTime'))}\t${str(c, 'reason')}\t${str(c, 'message')}\n`,
      );
  }
  const quotaList = context.related['resourceQuotas'];
  if (quotaList) {
    w.write(0, '\n');
    quotas(w, quotaList);
  }
  const ranges = context.related['limitRanges'];
  if (ranges) {
    w.write(0, '\n');
    limitRanges(w, ranges);
  }
  return w.text();
}
