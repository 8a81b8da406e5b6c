import type * as Dashboard from './index.js';

/**
 * Loads the dashboard module (Ink and React come in only here). Ink draws nothing live when it
 * believes it runs in CI: its is-in-ci check reads CI, CONTINUOUS_INTEGRATION and CI_* once,
 * when Ink is loaded. A dashboard on a real terminal must draw whatever the environment says,
 * so those variables are hidden while the module loads and put back right after.
 */
export async function loadDashboard(onTerminal: boolean): Promise<typeof Dashboard> {
  if (!onTerminal) return importDashboard();
  const hidden: Record<string, string | undefined> = {};
  for (const key of Object.keys(process.env)) {
    if (key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_')) {
      hidden[key] = process.env[key];
      delete process.env[key];
    }
  }
  try {
    return await importDashboard();
  } finally {
    for (const [key, value] of Object.entries(hidden))
      if (value !== undefined) process.env[key] = value;
  }
}

/** Ink and React first (their own file in the build: see dashboard/vendor.ts), then the rest. */
async function importDashboard(): Promise<typeof Dashboard> {
  const { vendorReady } = await import('./vendor.js');
  await vendorReady;
  return import('./index.js');
}
