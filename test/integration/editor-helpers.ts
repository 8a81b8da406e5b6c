/**
 * A scripted $KUBE_EDITOR for side-by-side edit tests: it keeps a copy of each file it is shown
 * and applies one sed script per pass, so ktl and kubectl see the same edits.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../helpers/cluster.js';

/** An editor's environment, the files it was shown, and a way to remove it. */
export interface ScriptedEditor {
  env: Record<string, string>;
  seen: () => string[];
  remove: () => void;
}

/** An editor that runs `passes[n]` (a sed script) on its n-th file. */
export function scriptedEditor(passes: string[]): ScriptedEditor {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-editor-'));
  const script = join(dir, 'editor.sh');
  const cases = passes.map((sed, i) => `  ${i}) sed -i '${sed}' "$1" ;;`).join('\n');
  writeFileSync(
    script,
    `#!/bin/sh\nn=$(ls ${dir}/seen.* 2>/dev/null | wc -l)\ncp "$1" ${dir}/seen.$n\ncase $n in\n${cases}\nesac\n`,
  );
  chmodSync(script, 0o755);
  const seen = (): string[] =>
    readdirSync(dir)
      .filter((f) => f.startsWith('seen.'))
      .sort()
      .map((f) => readFileSync(join(dir, f), 'utf8'));
  return {
    env: { KUBE_EDITOR: script, EDITOR: '' },
    seen,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Masks what differs between twin namespaces and runs: names, uids, times, versions, files. */
export function maskTwins(text: string, ...namespaces: string[]): string {
  let masked = text;
  for (const ns of namespaces) masked = masked.replaceAll(ns, 'NS');
  return masked
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uid>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, '<time>')
    .replace(/(resourceVersion\\?"?:\s*\\?"?)\d+/g, '$1<rv>')
    .replace(/"\/tmp\/[^"]+"/g, '"<file>"')
    .replaceAll('kubectl', 'ktl');
}

/** Removes the copies kubectl keeps of a failed edit (ktl's are in ktl-edit-* directories). */
export function removeKeptCopies(...results: RunResult[]): void {
  for (const result of results)
    for (const match of result.stderr.matchAll(/stored to "(\/tmp\/[^"]+)"/g)) {
      const file = match[1] ?? '';
      const ktlDir = /^(\/tmp\/ktl-edit-[^/]+)\//.exec(file)?.[1];
      rmSync(ktlDir ?? file, { recursive: true, force: true });
    }
}
