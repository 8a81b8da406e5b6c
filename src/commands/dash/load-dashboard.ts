import type * as Dashboard from '../../dashboard/index.js';

/**
 * Loads the dashboard module (Ink and React come in only here). Ink draws nothing live when it
 * believes it runs in CI: its is-in-ci check reads CI, CONTINUOUS_INTEGRATION and CI_* once,
 * when Ink is loaded. A dashboard on a real terminal must draw whatever the environment says,
 * so those variables are hidden while the module loads and put back right after.
 */
export async function loadDashboard(onTerminal: boolean): Promise<typeof Dashboard> {
  if (!onTerminal) return import('../../dashboard/index.js');
  const hidden: Record<string, string | undefined> = {};
  for (const key of Object.keys(process.env)) {
    if (key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_')) {
      hidden[key] = process.env[key];
      delete process.env[key];
    }
  }
  try {
    return await import('../../dashboard/index.js');
  } finally {
    for (const [key, value] of Object.entries(hidden))
      if (value !== undefined) process.env[key] = value;
  }
}
