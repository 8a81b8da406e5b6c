/**
 * apply and apply set-last-applied with kubectl's print flags, side by side with kubectl 1.34.4:
 * -o go-template|jsonpath|template (the one object or the List printed after everything was
 * applied), --template alone (each object through it, as kubectl's per-object printer),
 * --allow-missing-template-keys, --show-managed-fields, and the format errors.
 */
import { test } from 'node:test';
import { kubectl, ktl } from '../helpers/cluster.js';
import type { Twins } from './verbs-helpers.js';
import { assertSame, maskVolatile, twins } from './verbs-helpers.js';

const TWO = `apiVersion: v1
kind: ConfigMap
metadata: {name: t1}
data: {a: "1"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: t2}
`;

/** The same command with kubectl in one twin and ktl in the other, manifests from stdin. */
async function same(pair: Twins, args: string[], input: string): Promise<void> {
  const theirs = await kubectl([...args, '-n', pair.theirs, '-f', '-'], { input });
  const mine = await ktl([...args, '-n', pair.mine, '-f', '-'], { input });
  const mask = (text: string): string =>
    maskVolatile(text.replaceAll(pair.theirs, 'NS').replaceAll(pair.mine, 'NS'))
      .replaceAll('kubectl', 'ktl')
      .replace(/("resourceVersion":"|resourceVersion:)\d+/g, '$1<rv>');
  assertSame(mine, theirs, args.join(' '), mask);
}

const PRINT_CASES = [
  ['-o', 'jsonpath={.items[*].metadata.name}'],
  ['-o', 'jsonpath={.metadata.name}'],
  ['--template={{.metadata.name}} '],
  ['-o', 'go-template={{.kind}}{{.nope}}'],
  ['-o', 'go-template={{range .items}}{{len .metadata.managedFields}}{{end}}'],
  ['-o', 'go-template={{.kind}}{{.nope}}', '--allow-missing-template-keys=false'],
  ['-o', 'yaml', '--show-managed-fields'],
  ['-o', 'template'],
  ['-o', 'wide'],
  ['-o', 'custom-columns=A:.x'],
];

test('apply -o templates, --template, --show-managed-fields as kubectl', async () => {
  const pair = await twins('apply-print', () => Promise.resolve());
  for (const flags of PRINT_CASES) await same(pair, ['apply', ...flags, '--dry-run=server'], TWO);
  await same(pair, ['apply', '--template={{.metadata.name}},'], TWO); // creates them
  await same(pair, ['apply', '-o', 'go-template={{.data.a}}'], TWO.split('---\n')[0] ?? '');
});

test('apply set-last-applied -o templates, --template, --show-managed-fields as kubectl', async () => {
  const pair = await twins('sla-print', async (ns) => {
    await kubectl(['apply', '-n', ns, '-f', '-'], { input: TWO });
  });
  const changed = TWO.replace('"1"', '"9"');
  for (const flags of PRINT_CASES)
    await same(pair, ['apply', 'set-last-applied', ...flags, '--dry-run=server'], changed);
  await same(pair, ['apply', 'set-last-applied', '-o', 'yaml'], changed);
});
