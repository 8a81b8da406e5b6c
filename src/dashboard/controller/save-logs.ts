import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DashController } from './dash-controller.js';
import { errorText } from './error-text.js';
import type { LogViewModel } from './text-view-models.js';

/**
 * Writes the lines a log view holds to `<tmp>/ktl-logs/<subject>-<time>.log` (k9s saves to
 * its own temporary directory too) and says where.
 */
export function saveLogs(app: DashController, view: LogViewModel): void {
  const lines = view.stream?.lines;
  if (!lines || lines.length === 0) return app.say('logs: nothing to save yet', true);
  const dir = join(tmpdir(), 'ktl-logs');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const name = `${view.subject.replace(/[^\w.-]+/g, '_')}-${stamp}.log`;
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, name);
    writeFileSync(file, `${lines.slice(0).join('\n')}\n`);
    app.say(`logs saved: ${file} (${lines.length} lines)`);
  } catch (error) {
    app.say(`logs: ${errorText(error)}`, true);
  }
}
